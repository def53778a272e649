"""The dateline as the story's home for officials, officials of an international body, and
the capital an official speaks in.

- "NAIROBI, March 13 (Wire) - ...": when no country has most of the place mentions (a
  meeting of four states names each), an official the text gives no country ("Health
  Minister X said ...") is of the dateline city's country. Untitled people are not tied so,
  nor is the seat of an international body a home ("BRUSSELS, ...").
- "At the United Nations, spokesman X said ...": an official introduced after an
  international body that opens the sentence is that body's official ("un:spokesperson"),
  tied to no country, neither by the dateline nor by the sentence before.

- "Chief Cabinet Secretary X told reporters in Tokyo ...": a titled official the text gives
  no country is of the capital they speak in, before the country of the sentence that leads
  them in. The seat of an international body gives none ("said in Brussels").

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze

ROW = ("Leaders of Kenya, Uganda, Tanzania and Rwanda met on Thursday to discuss the "
       "pipeline. The talks ended without a deal. Energy Minister Thabo Nkosi said work "
       "would go on. Businessman Pieter Dube said exports fell.")


def country_of(nlp, text: str, name: str) -> str | None:
    article = analyze(text, published="2026-03-13", nlp=nlp)
    return next(e.country for e in article.entities if e.canonical == name)


@pytest.mark.parametrize("dateline, country", [
    ("NAIROBI, March 13 (Wire) - ", "KEN"),
    ("KAMPALA, March 13 (Wire) - ", "UGA"),
])
def test_an_official_with_no_country_is_of_the_dateline_city(nlp, dateline, country):
    assert country_of(nlp, dateline + ROW, "Thabo Nkosi") == country


def test_without_a_dateline_the_row_leaves_the_official_untied(nlp):
    assert country_of(nlp, ROW, "Thabo Nkosi") is None


def test_the_dateline_ties_no_untitled_person(nlp):
    assert country_of(nlp, "NAIROBI, March 13 (Wire) - " + ROW, "Pieter Dube") is None


def test_the_seat_of_an_international_body_is_no_home(nlp):
    assert country_of(nlp, "BRUSSELS, March 13 (Wire) - " + ROW, "Thabo Nkosi") is None


def test_an_official_at_an_international_body_is_that_bodys(nlp):
    text = ("DAMASCUS, April 16 (Wire) - Syria accused Israel of new raids. At the United "
            "Nations, spokesman Pierre Lambert said observers had seen troop movements.")
    article = analyze(text, published="2026-04-16", nlp=nlp)
    lambert = next(e for e in article.entities if e.canonical == "Pierre Lambert")
    assert (lambert.country, lambert.role) == (None, "un:spokesperson")


@pytest.mark.parametrize("text, name, country", [
    ("China held drills around Taiwan on Tuesday. Chief Cabinet Secretary Kenji Mori told "
     "reporters in Tokyo that the drills were a concern.", "Kenji Mori", "JPN"),
    ("Greece protested against the flights on Monday. Defence Minister Murat Kaya said in "
     "Ankara that the flights were routine.", "Murat Kaya", "TUR"),
])
def test_a_titled_official_is_of_the_capital_they_speak_in(nlp, text, name, country):
    assert country_of(nlp, text, name) == country


def test_the_seat_of_an_international_body_is_no_place_of_speaking(nlp):
    text = ("Hungary vetoed the package on Monday. Commissioner Pia Lund said in Brussels "
            "that the veto was wrong.")
    assert country_of(nlp, text, "Pia Lund") != "BEL"
