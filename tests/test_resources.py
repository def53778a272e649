"""The shipped resources: country names, organisations and the dated actor knowledge base."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import resources
from extraction.resources import (
    actor_lookup,
    country_codes,
    country_demonym,
    country_for_name,
    country_name,
    igo_key,
    igo_name,
    institution_role,
    is_country_code,
    place_lookup,
    role_for_title,
)

G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX",
       "RUS", "SAU", "ZAF", "KOR", "TUR", "GBR", "USA")


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"), ("the United States", "USA"),
        ("The United States", "USA"), ("America", "USA"), ("American", "USA"),
        ("Americans", "USA"), ("Washington", "USA"), ("the White House", "USA"),
        ("UK", "GBR"), ("U.K.", "GBR"), ("Britain", "GBR"), ("British", "GBR"),
        ("Downing Street", "GBR"), ("Whitehall", "GBR"), ("Venezuela", "VEN"),
        ("Venezuelan", "VEN"), ("Venezuela's", "VEN"), ("Caracas", "VEN"),
        ("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Russian", "RUS"), ("Beijing", "CHN"),
        ("the Elysee", "FRA"), ("Élysée", "FRA"), ("Bolivia", "BOL"), ("Bolivian", "BOL"),
        ("Türkiye", "TUR"), ("Turkish", "TUR"), ("North Korea", "PRK"), ("DPRK", "PRK"),
        ("South Korean", "KOR"), ("Iranian", "IRN"), ("VENEZUELA", "VEN"),
    ],
)
def test_resources_country_for_name(text, iso3):
    assert country_for_name(text) == iso3


@pytest.mark.parametrize("text", ["us", "Latin American", "South America", "Europe", "Arab",
                                  "Guaido", "", "   ", "the"])
def test_resources_country_for_name_none(text):
    assert country_for_name(text) is None


def test_resources_place_kinds():
    assert place_lookup("Caracas").kind == "capital"
    assert place_lookup("the Kremlin").kind == "seat"
    assert place_lookup("Venezuelan").kind == "demonym"
    assert place_lookup("Crimea") == ("UKR", "region")
    assert place_lookup("Latin America") == (None, "region")


def test_resources_country_names_and_codes():
    codes = country_codes()
    assert len(codes) >= 195
    assert all(len(c) == 3 and c.isupper() for c in codes)
    assert country_name("USA") == "United States"
    assert country_name("VEN") == "Venezuela"
    assert country_name("ZZZ") == "ZZZ"
    assert country_demonym("VEN") == "Venezuelan"
    assert is_country_code("BOL") and not is_country_code("XYZ")
    for iso3 in G20:
        assert is_country_code(iso3)


@pytest.mark.parametrize(
    ("text", "key"),
    [("UN", "un"), ("U.N.", "un"), ("the United Nations", "un"), ("EU", "eu"),
     ("the European Union", "eu"), ("NATO", "nato"), ("African Union", "au"), ("WHO", "who"),
     ("OPEC", "opec"), ("ECOWAS", "ecowas"), ("ASEAN", "asean"), ("IMF", "imf"),
     ("World Bank", "worldbank"), ("OAS", "oas"), ("Arab League", "arableague"), ("G7", "g7"),
     ("G20", "g20"), ("ICC", "icc"), ("IAEA", "iaea"), ("UN Security Council", "unsc")],
)
def test_resources_igo_key(text, key):
    assert igo_key(text) == key
    assert igo_name(key)


@pytest.mark.parametrize(
    ("name", "date", "canonical", "country", "role"),
    [
        ("Maduro", "2019-03-14", "Nicolás Maduro", "VEN", "head of state"),
        ("Nicolas Maduro", "2019-03-14", "Nicolás Maduro", "VEN", "head of state"),
        ("Maduro's", "2019-03-14", "Nicolás Maduro", "VEN", "head of state"),
        ("Guaido", "2019-03-14", "Juan Guaidó", "VEN", "opposition"),
        ("Morales", "2019-03-14", "Evo Morales", "BOL", "head of state"),
        ("Pompeo", "2019-03-14", "Mike Pompeo", "USA", "foreign minister"),
        ("President Trump", "2018-06-12", "Donald Trump", "USA", "head of state"),
        ("Johnson", "2017-05-01", "Boris Johnson", "GBR", "foreign minister"),
        ("Johnson", "2020-05-01", "Boris Johnson", "GBR", "head of government"),
        ("Netanyahu", "2016-01-01", "Benjamin Netanyahu", "ISR", "head of government"),
        ("Lavrov", dt.date(2022, 2, 26), "Sergei Lavrov", "RUS", "foreign minister"),
        ("Li", "2020-01-01", "Li Keqiang", "CHN", "head of government"),
        ("Li", "2024-01-01", "Li Qiang", "CHN", "head of government"),
        ("Kim", "2018-06-12", "Kim Jong Un", "PRK", "head of state"),
        ("Guterres", "2020-06-17", "António Guterres", None, "un:secretary-general"),
        ("Erdogan", "2023-02-14", "Recep Tayyip Erdoğan", "TUR", "head of state"),
    ],
)
def test_resources_actor_lookup_dated(name, date, canonical, country, role):
    assert tuple(actor_lookup(name, date)) == (canonical, country, role)


def test_resources_actor_lookup_out_of_office_keeps_country():
    assert tuple(actor_lookup("Pompeo", "2023-01-01")) == ("Mike Pompeo", "USA", None)


def test_resources_actor_lookup_without_date_only_when_unambiguous():
    assert actor_lookup("Morales").country == "BOL"
    assert actor_lookup("Johnson").role is None  # two offices: no role without a date
    assert actor_lookup("Li") is None  # two premiers called Li
    assert actor_lookup("Tusk") is None  # Poland and the EU
    assert actor_lookup("Nobody Atall") is None
    assert actor_lookup("") is None


def test_resources_actor_lookup_bad_date_is_ignored():
    assert actor_lookup("Morales", "not a date").country == "BOL"


@pytest.mark.parametrize(
    ("title", "role"),
    [("President", "head of state"), ("president", "head of state"),
     ("Prime Minister", "head of government"), ("Secretary of State", "foreign minister"),
     ("Foreign Minister", "foreign minister"), ("Foreign Secretary", "foreign minister")],
)
def test_resources_role_for_title(title, role):
    assert role_for_title(title) == role


def test_resources_institution_role():
    assert institution_role("foreign ministry") == "foreign ministry"
    assert institution_role("Embassy") == "embassy"
    assert institution_role("weather") is None


def _terms():
    return [t for terms in resources._data().actors.values() for t in terms]


def test_resources_actor_rows_are_valid():
    orgs = set(resources._data().igo_names)
    for term in _terms():
        assert term.country is None or is_country_code(term.country), term
        assert term.org is None or term.org in orgs, term
        assert term.end is None or term.start <= term.end, term


def test_resources_one_holder_per_office_at_a_time():
    offices: dict[tuple, list] = {}
    for term in set(_terms()):
        if term.role in ("head of state", "head of government", "foreign minister"):
            offices.setdefault((term.country, term.org, term.role), []).append(term)
    for office, terms in offices.items():
        terms.sort(key=lambda t: t.start)
        for before, after in zip(terms, terms[1:], strict=False):
            assert before.end is not None and before.end <= after.start, (office, before, after)


@pytest.mark.parametrize("iso3", G20)
def test_resources_g20_offices_covered_2015_to_2025(iso3):
    # Sampled twice a month; short gaps between a resignation and the next appointment
    # (acting ministers are not all listed) are allowed, whole years missing are not.
    terms = [t for t in set(_terms()) if t.country == iso3]
    days = [dt.date(y, m, d) for y in range(2015, 2026) for m in range(1, 13) for d in (1, 15)]
    leader = minister = 0
    for day in days:
        current = {t.role for t in terms if t.start <= day and (t.end is None or day <= t.end)}
        minister += "foreign minister" in current
        leader += bool(current & {"head of state", "head of government"})
    assert leader == len(days), iso3
    assert minister >= 0.97 * len(days), iso3


# Cases as data: one (name, date, country) row each, grouped by sample article date.
@pytest.mark.parametrize(
    ("name", "date", "country"),
    [
        # Office holders named in sample_articles/, on each article's date.
        ("Vladimir Putin", "2022-02-26", "RUS"), ("Sergei Lavrov", "2022-02-26", "RUS"),
        ("Josep Borrell", "2022-02-26", None), ("Jen Psaki", "2022-02-26", "USA"),
        ("Boris Johnson", "2022-02-26", "GBR"), ("Joe Biden", "2022-02-26", "USA"),
        ("Maria Zakharova", "2022-02-26", "RUS"), ("Volodymyr Zelensky", "2022-02-26", "UKR"),
        ("Dmytro Kuleba", "2022-02-26", "UKR"), ("Olaf Scholz", "2022-02-26", "DEU"),
        ("Benjamin Netanyahu", "2020-09-15", "ISR"), ("Donald Trump", "2020-09-15", "USA"),
        ("Abdullah bin Zayed Al Nahyan", "2020-09-15", "ARE"),
        ("Abdullatif al-Zayani", "2020-09-15", "BHR"),
        ("Hamad bin Isa Al Khalifa", "2020-09-15", "BHR"),
        ("Mohammad Shtayyeh", "2020-09-15", "PSE"), ("Theresa May", "2018-03-17", "GBR"),
        ("Angela Merkel", "2018-03-17", "DEU"), ("Emmanuel Macron", "2018-03-17", "FRA"),
        ("Jens Stoltenberg", "2018-03-17", None), ("Dmitry Peskov", "2018-03-17", "RUS"),
        ("Alexander Yakovenko", "2018-03-17", "RUS"), ("Laurie Bristow", "2018-03-17", "GBR"),
        ("Kim Jong Un", "2018-06-12", "PRK"), ("Moon Jae-in", "2018-06-12", "KOR"),
        ("Lee Hsien Loong", "2018-06-12", "SGP"), ("Shinzo Abe", "2018-06-12", "JPN"),
        ("Mike Pompeo", "2018-06-12", "USA"), ("Geng Shuang", "2018-06-12", "CHN"),
        ("Antonio Guterres", "2018-06-12", None), ("Narendra Modi", "2020-06-17", "IND"),
        ("Xi Jinping", "2020-06-17", "CHN"), ("Wang Yi", "2020-06-17", "CHN"),
        ("Subrahmanyam Jaishankar", "2020-06-17", "IND"), ("Zhao Lijian", "2020-06-17", "CHN"),
        ("Rajnath Singh", "2020-06-17", "IND"), ("Bashar al-Assad", "2023-02-14", "SYR"),
        ("Recep Tayyip Erdogan", "2023-02-14", "TUR"), ("Mevlut Cavusoglu", "2023-02-14", "TUR"),
        ("Nikos Dendias", "2023-02-14", "GRC"), ("Ned Price", "2023-02-14", "USA"),
        ("Martin Griffiths", "2023-02-14", None),
        ("Mohamed Bazoum", "2023-07-01", "NER"),  # ousted days before the article
        ("Abdourahamane Tiani", "2023-08-01", "NER"), ("Bola Tinubu", "2023-08-01", "NGA"),
        ("Antony Blinken", "2023-08-01", "USA"), ("Tsai Ing-wen", "2019-07-12", "TWN"),
        ("Joseph Wu", "2019-07-12", "TWN"), ("Abiy Ahmed", "2018-07-09", "ETH"),
        ("Isaias Afwerki", "2018-07-09", "ERI"), ("Osman Saleh", "2018-07-09", "ERI"),
        ("Yemane Gebremeskel", "2018-07-09", "ERI"), ("Moussa Faki Mahamat", "2018-07-09", None),
    ],
)
def test_resources_sample_article_office_holders(name, date, country):
    actor = actor_lookup(name, date)
    assert actor is not None and actor.role is not None, name
    assert actor.country == country


@pytest.mark.parametrize(
    ("text", "canonical", "country", "role"),
    [("Hamas", "Hamas", "PSE", "armed group"), ("the Taliban", "Taliban", "AFG",
                                                   "armed group"),
     ("ISIS", "Islamic State", None, "armed group"), ("Xinhua", "Xinhua", "CHN", "media"),
     ("IRGC", "Islamic Revolutionary Guard Corps", "IRN", "military")],
)
def test_resources_organisation_lookup(text, canonical, country, role):
    assert tuple(resources.organisation_lookup(text)) == (canonical, country, role)


def test_resources_actor_lookup_ignores_middle_initials():
    assert actor_lookup("Barack H. Obama", "2016-01-01").canonical == "Barack Obama"
    assert actor_lookup("John R. Bolton", "2019-01-01").canonical == "John Bolton"


def test_resources_every_actor_row_names_its_source():
    from pathlib import Path

    folder = Path(resources.__file__).resolve().parent
    for name in ("actors.tsv", "actors_historical.tsv"):
        rows = [line.split("\t") for line in (folder / name).read_text(encoding="utf-8")
                .splitlines() if line.strip() and not line.startswith("#")]
        header, body = rows[0], rows[1:]
        at = header.index("source")
        assert body and all(len(r) > at and r[at].strip() for r in body), name


@pytest.mark.parametrize(("name", "date", "country"), [
    # Heads of state and government of countries the list had no one for before the
    # sixteenth round (a bare surname in a story found no country).
    ("Aliyev", "2026-06-11", "AZE"), ("Pashinyan", "2026-06-11", "ARM"),
    ("Tokayev", "2025-01-10", "KAZ"), ("Frederiksen", "2026-03-12", "DNK"),
    ("Hassan Sheikh Mohamud", "2025-09-18", "SOM"), ("Kurti", "2024-05-01", "XKX"),
    ("Sandu", "2025-01-01", "MDA"), ("Hun Manet", "2025-07-01", "KHM"),
    # Foreign ministers of states the list had none for before the seventeenth round.
    ("Bourita", "2026-02-18", "MAR"), ("Attaf", "2026-02-18", "DZA"),
    ("Szijjarto", "2025-11-18", "HUN"), ("Mudavadi", "2025-06-01", "KEN"),
    ("Nduhungirehe", "2025-06-01", "RWA"), ("Safadi", "2024-03-01", "JOR"),
])
def test_resources_office_holders_of_smaller_states(name, date, country):
    actor = actor_lookup(name, date)
    assert actor is not None and actor.country == country, name


def test_resources_a_common_surname_alone_is_no_short_form():
    # "Peters" or "Borg" alone is too common a surname to stand for one minister.
    assert actor_lookup("Peters", "2025-06-01") is None
    assert actor_lookup("Winston Peters", "2025-06-01").country == "NZL"
