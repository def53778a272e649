"""Street events, dated acts and demands to stop (issue 9): rules for classes of sentences.

Every sentence is written for these tests (none comes from a benchmark); each class varies
the words, the parties and the construction. The first tests run the events-only pipeline;
the stance tests run the whole pipeline through ``analyze``.
"""

from __future__ import annotations

import pytest

from extraction import analyze
from tests.components.conftest import PUBLISHED, run_events

events = run_events


def triggered(evs, word):
    return [e for e in evs if e["trigger"]["text"] == word]


def oppositions(article):
    """The article's stances of opposition."""
    return [s for s in article.stances if s.polarity == "oppose"]


def opposes(article, holder, target):
    """Whether ``holder`` is found opposing the target keyed ``target``."""
    return any(s.holder == holder and s.target_key == target for s in oppositions(article))


# --- crowds: gathering is a protest only for a crowd ------------------------------------

@pytest.mark.parametrize(("text", "word"), [
    ("Thousands of protesters gathered outside the parliament in Tbilisi on Monday.",
     "gathered"),
    ("Hundreds of students assembled in the main square of Dhaka.", "assembled"),
    ("Angry farmers gathered at the ministry gates in Nairobi on Friday.", "gathered"),
])
def test_crowd_gathering_is_a_protest(events_nlp, text, word):
    found = triggered(events(events_nlp, text), word)
    assert found and all(e["type"] == "PROTEST" for e in found)


# Cases as data: (text, trigger) rows that must give no PROTEST; other no-event tables look alike.
@pytest.mark.parametrize(("text", "word"), [
    ("European leaders gathered in Brussels for the summit on Monday.", "gathered"),
    ("The delegations assembled in Geneva before the talks.", "assembled"),
    ("Investigators gathered evidence at the scene.", "gathered"),
])
def test_gathering_of_leaders_or_things_is_no_protest(events_nlp, text, word):
    assert not [e for e in triggered(events(events_nlp, text), word) if e["type"] == "PROTEST"]


# Cases as data: one (text, trigger, type) row each; alike other case tables in form only.
@pytest.mark.parametrize(("text", "word", "etype"), [
    ("Demonstrators threw eggs at the embassy of Peru in La Paz.", "threw", "PROTEST"),
    ("Youths hurled rocks at police vans in Santiago.", "hurled", "PROTEST"),
    ("Protesters threw petrol bombs at officers in Minsk.", "threw", "ASSAULT"),
    ("Police in Belgrade fired tear gas at the crowd.", "fired", "COERCE"),
    ("Officers used water cannon against demonstrators in Caracas.", "used", "COERCE"),
    ("Riot police fired into the crowd in Khartoum.", "fired", "ASSAULT"),
    ("Hundreds of rioters tried to storm the parliament in Bishkek.", "storm", "ASSAULT"),
])
def test_street_violence_and_repression_are_typed(events_nlp, text, word, etype):
    found = triggered(events(events_nlp, text), word)
    assert found and {e["type"] for e in found} == {etype}


@pytest.mark.parametrize("text", [
    "The company fired its chief executive in March.",
    "The museum threw a party for its donors.",
    "The ministry used the new software to count votes.",
])
def test_similar_words_outside_the_street_are_no_violence(events_nlp, text):
    assert not [e for e in events(events_nlp, text)
                if e["type"] in ("ASSAULT", "COERCE", "PROTEST")]


# --- police at home ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "country"), [
    ("Police in Nairobi shot a student during the march.", "KEN"),
    ("Police in Minsk beat two demonstrators outside the station.", "BLR"),
    ("Bolivian police shot a protester near the square.", "BOL"),
])
def test_police_violence_against_people_is_at_home(events_nlp, text, country):
    found = [e for e in events(events_nlp, text) if e["type"] == "ASSAULT"]
    assert found and all(e["actor_country"] == country and e["target_country"] == country
                         for e in found)


def test_armed_attack_on_people_is_not_assumed_at_home(events_nlp):
    # Troops may strike across a border: their victims get no country by default.
    found = [e for e in events(events_nlp, "Kenyan troops shot three fighters.")
             if e["type"] == "ASSAULT"]
    assert found and all(e["target_country"] is None for e in found)


# --- dated acts and dated speech --------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "date"), [
    ("The senator declared her candidacy on Friday.", "declared", "2021-04-30"),
    ("Regional officials told reporters on Saturday that the bridge had fallen.", "told",
     "2021-05-01"),
    ("A police commander in the port city announced on Monday that two suspects were held.",
     "announced", "2021-05-03"),
])
def test_dated_speech_of_an_uncoded_speaker_is_a_statement(events_nlp, text, word, date):
    found = triggered(events(events_nlp, text), word)
    assert found and all(e["type"] == "STATEMENT" and e["date"] == date for e in found)


@pytest.mark.parametrize(("text", "word"), [
    ("A witness said the bridge had collapsed.", "said"),
    ("Regional officials said that the bridge had fallen.", "said"),
])
def test_undated_speech_of_an_uncoded_speaker_is_no_event(events_nlp, text, word):
    assert not triggered(events(events_nlp, text), word)


@pytest.mark.parametrize(("text", "word", "date"), [
    ("Angela Merkel opened the new chancellery in 2001.", "opened", "2001"),
    ("Nelson Mandela walked out of prison in February 1990.", "walked", "1990-02"),
    ("The Chilean senate approved the pension bill on Monday.", "approved", "2021-05-03"),
])
def test_dated_act_of_a_party_is_a_timeline_action(events_nlp, text, word, date):
    found = triggered(events(events_nlp, text), word)
    assert found and all(e["type"] == "ACTION" and e["date"] == date and e["polarity"] == 0
                         for e in found)


# Cases as data: (text, trigger) rows that must give no ACTION; other no-event tables look alike.
@pytest.mark.parametrize(("text", "word"), [
    # No named party, a light verb, a negation, a plan. (An undated act of a named party
    # is an ACTION dated by publication: tests/components/test_events_acts.py.)
    ("The bridge collapsed on Monday.", "collapsed"),
    ("Nelson Mandela was in prison in 1980.", "was"),
    ("The Chilean senate did not approve the pension bill on Monday.", "approve"),
    ("The Chilean senate will approve the pension bill on Monday.", "approve"),
])
def test_no_action_without_a_dated_act_of_a_party(events_nlp, text, word):
    assert not [e for e in triggered(events(events_nlp, text), word) if e["type"] == "ACTION"]


def test_coordinated_acts_share_the_date_that_closes_them(events_nlp):
    text = "Police in Lima fired and wounded a protester on Sunday afternoon."
    found = triggered(events(events_nlp, text), "fired")
    assert found and all(e["date"].startswith("2021-05-02") for e in found)


# --- demands to stop --------------------------------------------------------------------

# Cases as data: (text, holder, target) rows; the opposition tests below share this form.
@pytest.mark.parametrize(("text", "holder", "target"), [
    ("The European Union called on Israel to halt settlement construction.", "eu", "ISR"),
    ("Germany urged Russia to withdraw its troops from the border.", "DEU", "RUS"),
    ("Japan called on China to release the detained fishermen.", "JPN", "CHN"),
])
def test_demand_to_stop_or_undo_is_opposition(nlp, text, holder, target):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert opposes(article, holder, target)


@pytest.mark.parametrize("text", [
    "The European Union called on Israel to join the talks.",
    "Germany urged Russia to attend the conference.",
])
def test_appeal_to_do_something_is_no_opposition(nlp, text):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert not oppositions(article)


def test_police_repression_amid_protest_opposes_the_opposition(nlp):
    text = ("Thousands of protesters marched through Minsk on Sunday against the result of the "
            "Belarusian election. Police in Minsk beat dozens of demonstrators and arrested "
            "200 people, the Belarusian interior ministry said.")
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert opposes(article, "BLR", "opposition:BLR")


# --- who is acted upon ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "country"), [
    ("Egyptian police arrested 12 demonstrators in Cairo.", "EGY"),
    ("Peruvian soldiers detained 30 farmers in Cusco on Monday.", "PER"),
])
def test_people_acted_upon_are_the_target_not_the_place(events_nlp, text, country):
    found = [e for e in events(events_nlp, text) if e["type"] == "COERCE"]
    assert found and all(e["target_country"] == country and
                         not e["target_text"].startswith("in ") for e in found)


@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Somalia's government said on Monday that the rebels in Somalia are backed by Eritrea. "
     "Somali troops fought the rebels near Mogadishu, the Somali capital.", "ERI", "rebels:SOM"),
    ("Libya's government accused Egypt of arming the militias. Libyan officials said the "
     "militias in Libya are supported by Egypt, and Libyan forces attacked them near Sirte.",
     "EGY", "rebels:LBY"),
])
def test_foreign_backing_of_rebels_places_them_in_the_story_country(nlp, text, holder, target):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert any(s.holder == holder and s.target_key == target and s.polarity == "support"
               for s in article.stances)
    assert not any(s.holder == holder and s.target_key == holder for s in article.stances)


@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Somali troops fought the rebels near Mogadishu, the Somali capital, in Somalia.",
     "military:SOM", "rebels:SOM"),
    ("Kenyan troops killed five fighters in Somalia.", "military:KEN", "rebels:SOM"),
])
def test_army_against_rebels_is_against_the_rebels_not_the_state(nlp, text, holder, target):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert opposes(article, holder, target)
    assert not any(s.holder == holder and s.target_key == target.split(":")[1]
                   for s in article.stances)


@pytest.mark.parametrize(("text", "holders"), [
    ("Homage was paid by heads of state such as the Indian prime minister and the "
     "Brazilian president.", {"IND", "BRA"}),
    ("Homage was paid to the late king by the Spanish foreign minister.", {"ESP"}),
])
def test_passive_phrase_word_is_not_the_target(events_nlp, text, holders):
    found = [e for e in events(events_nlp, text) if e["type"] == "SUPPORT"]
    assert {e["actor_country"] for e in found} == holders
    assert not any((e["target_text"] or "").lower().startswith("homage") for e in found)


@pytest.mark.parametrize(("text", "pair"), [
    ("Norway and Iceland quarrelled over fishing rights for years; on Friday the heads of "
     "both governments spoke by phone.", ("NOR", "ISL")),
    ("India and Pakistan exchanged fire in Kashmir. The foreign ministers of both countries "
     "met in Moscow on Thursday.", ("IND", "PAK")),
])
def test_people_of_the_two_countries_are_the_two_parties(events_nlp, text, pair):
    found = [e for e in events(events_nlp, text) if e["type"] == "CONSULT"]
    assert {(e["actor_country"], e["target_country"]) for e in found} == {pair, pair[::-1]}


@pytest.mark.parametrize(("text", "etype"), [
    ("India and Pakistan exchanged fire across the border on Monday.", "ASSAULT"),
    ("Armenian and Azerbaijani troops exchanged gunfire overnight.", "ASSAULT"),
    ("Israel and Hamas exchanged prisoners on Sunday.", "COOPERATE"),
])
def test_exchange_of_fire_is_violence_and_of_prisoners_cooperation(events_nlp, text, etype):
    found = triggered(events(events_nlp, text), "exchanged")
    assert found and {e["type"] for e in found} == {etype}


# --- the group named again, and who reports -------------------------------------------

@pytest.mark.parametrize(("text", "group"), [
    ("The Houthis seized the port of Hodeidah in 2015. Yemen's government said on Monday "
     "that Iran supplies and supports the rebels.", "Houthis"),
    ("Boko Haram raided a school in Borno. The militants abducted forty pupils.",
     "Boko Haram"),
])
def test_the_rebels_name_the_one_armed_group_named_before(nlp, text, group):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    names = {e.id: e.canonical for e in article.entities}
    last = [e for e in article.events if e.type in ("SUPPORT", "ASSAULT")][-1]
    assert names.get(last.target if last.type == "SUPPORT" else last.actor) == group


def test_the_rebels_stay_unnamed_when_two_groups_were_named(events_nlp):
    text = "Boko Haram and al-Shabaab are active in the region. The militants attacked a village."
    found = triggered(events(events_nlp, text), "attacked")
    assert found and all(e["actor"] is None for e in found)


@pytest.mark.parametrize("text", [
    "The suspect, described by the Guardian as convicted of assaults, stabbed a guard on "
    "Sunday.",
    "The gunman, named by Reuters as a former soldier, shot two guards on Monday.",
])
def test_a_news_outlet_is_no_actor_of_what_it_reports(events_nlp, text):
    found = [e for e in events(events_nlp, text) if e["type"] in ("ASSAULT", "COERCE")]
    assert found and not any(e["actor_country"] for e in found)


# --- who holds the stance: sectors named with a place, coups, demands to remove ---------

@pytest.mark.parametrize(("entity", "text", "country", "expected"), [
    (None, "opposition in Togo", "TGO", "opposition:TGO"),
    (None, "soldiers of the Malian army", "MLI", "military:MLI"),
    (None, "rebels in Darfur", "SDN", "rebels:SDN"),
    (None, "people of Chad", "TCD", "TCD"),
])
def test_sector_comes_from_the_head_before_a_place(entity, text, country, expected):
    from extraction.events.arguments import holder_key

    assert holder_key(entity=entity, text=text, country=country) == expected


@pytest.mark.parametrize(("text", "holder", "target"), [
    ("A bloodless coup deposed Prime Minister Thaksin Shinawatra of Thailand in September 2006.",
     "military:THA", "entity:Thaksin Shinawatra"),
    ("A coup ousted President Mohamed Bazoum of Niger in July 2023.",
     "military:NER", "entity:Mohamed Bazoum"),
])
def test_a_coup_is_the_military_against_the_removed(nlp, text, holder, target):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert opposes(article, holder, target)


# Cases as data: (text, holder, target) rows, the form of the opposition tests above.
@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Protesters in Lima called for the resignation of Governor Ana Quispe.",
     "opposition:PER", "entity:Ana Quispe"),
    ("Kenyan opposition leaders demanded the impeachment of Kenyan President William Ruto.",
     "opposition:KEN", "entity:William Ruto"),
])
def test_a_demand_to_remove_someone_opposes_them(nlp, text, holder, target):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert opposes(article, holder, target)


@pytest.mark.parametrize("text", [
    "The European Union called for the release of the jailed activist Ana Mora.",
    "Colombia called for talks with Venezuela.",
])
def test_a_demand_to_free_or_to_talk_opposes_no_one_named(nlp, text):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert not oppositions(article)


@pytest.mark.parametrize(("text", "word"), [
    ("An Airbus cargo plane crashed near the airport on Wednesday.", "crashed"),
    ("The Turkish pipeline reached the coast in 2019.", "reached"),
])
def test_a_thing_is_no_actor_of_a_dated_act(events_nlp, text, word):
    assert not [e for e in triggered(events(events_nlp, text), word) if e["type"] == "ACTION"]


def test_an_air_base_used_by_a_force_is_no_use_of_force(events_nlp):
    text = "The Royal Air Force base at Croughton is used by the US Air Force."
    assert not [e for e in events(events_nlp, text) if e["type"] == "COERCE"]


def test_no_one_holds_a_stance_towards_themselves(monkeypatch):
    from extraction.events import stance

    def self_rule(data):
        # Evidence a faulty rule might give: a holder towards its own key, and one real.
        yield stance.Contribution("military:USA", "military:USA", "US Air Force", "USA", -0.7,
                                  "V1")
        yield stance.Contribution("military:USA", "IRN", "Iran", "IRN", -0.7, "V2")

    monkeypatch.setitem(stance.STANCE_RULES, "self_rule", self_rule)
    found = stance.aggregate_stances([], [], rules=["self_rule"])
    assert [(s["holder"], s["target_key"]) for s in found] == [("military:USA", "IRN")]


def test_an_act_named_again_without_parties_is_no_new_event(events_nlp):
    text = ("Azerbaijan launched an offensive against Armenian forces on Wednesday. "
            "The invasion drew condemnation across the region.")
    found = [e for e in events(events_nlp, text) if e["type"] == "ASSAULT"]
    assert len(found) == 1 and found[0]["actor_country"] == "AZE"


def test_an_act_named_again_with_a_date_of_its_own_is_kept(events_nlp):
    text = ("Azerbaijan launched an offensive against Armenian forces on Wednesday. "
            "A similar invasion took place in January 2018.")
    found = [e for e in events(events_nlp, text) if e["type"] == "ASSAULT"]
    assert {e["date"][:7] for e in found} == {"2021-04", "2018-01"}


def test_a_title_headed_subject_is_an_actor_of_a_dated_act(events_nlp):
    text = "On Monday, Prime Minister of Fiji Sitiveni Rabuka presented his yearly budget."
    found = triggered(events(events_nlp, text), "presented")
    assert found and found[0]["type"] == "ACTION" and found[0]["actor_country"] == "FJI"


@pytest.mark.parametrize(("text", "word", "country", "who"), [
    ("Two reporters needed hospital care after being beaten by protesters in Belgrade.",
     "beaten", "SRB", "protesters"),
    ("Three aid workers died after being shot by rebels in Darfur.", "shot", "SDN", "rebels"),
])
def test_passive_under_a_preposition_takes_its_agent_as_actor(events_nlp, text, word, country,
                                                              who):
    found = triggered(events(events_nlp, text), word)
    assert found and all(e["actor_country"] == country and who in e["actor_text"]
                         for e in found)


@pytest.mark.parametrize(("text", "word"), [
    ("A city councillor was stabbed outside his office on Sunday night.", "stabbed"),
    ("Militants rammed a truck bomb into the gate of the base on Monday.", "rammed"),
])
def test_stabbing_and_ramming_are_violence(events_nlp, text, word):
    found = triggered(events(events_nlp, text), word)
    assert found and {e["type"] for e in found} == {"ASSAULT"}


OBITUARY = (
    "Former Ghanaian president Kofi Mensah died on Sunday in Accra at the age of 88. "
    "Kofi Mensah led Ghana from 1992 to 2001. The Nigerian president and the British prime "
    "minister paid tribute on Monday. Kofi Mensah was buried on "
    "Thursday, and Ghana's government declared a week of national mourning.")


def test_homage_with_no_one_named_honours_the_story_person(nlp):
    article = analyze(OBITUARY, published=PUBLISHED, nlp=nlp)
    honoured = {(s.holder, s.target_key) for s in article.stances if s.polarity == "support"}
    assert {("NGA", "entity:Kofi Mensah"), ("GBR", "entity:Kofi Mensah")} <= honoured
    # ... and not their country, which the tributes do not name.
    assert not {("NGA", "GHA"), ("GBR", "GHA")} & honoured


def test_homage_needs_one_person_the_story_is_about(nlp):
    text = "The Nigerian president paid tribute on Monday."
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert not [s for s in article.stances if s.target_key.startswith("entity:")]


@pytest.mark.parametrize(("text", "word"), [
    ("Ales Bialou, a Belarusian dissident who was detained and banned from standing, "
     "spoke in Minsk.", "banned"),
    ("Two Kenyan activists were detained and beaten by police in Nairobi.", "beaten"),
])
def test_a_second_participle_shares_the_passive_subject(events_nlp, text, word):
    found = triggered(events(events_nlp, text), word)
    assert found and all(e["target_text"] and e["actor_text"] != e["target_text"] and
                         "Bialou" not in (e["actor_text"] or "") and
                         "activists" not in (e["actor_text"] or "") for e in found)


@pytest.mark.parametrize(("text", "country"), [
    ("The Jalalabad market bombing killed 12 people on Monday.", None),
    ("The Mogadishu attack on Friday wounded 30 soldiers.", None),
    ("A US airstrike killed 12 fighters on Monday.", "USA"),
])
def test_a_city_names_where_violence_happened_a_country_who(events_nlp, text, country):
    found = [e for e in events(events_nlp, text) if e["type"] == "ASSAULT"]
    assert found and {e["actor_country"] for e in found} == {country}


@pytest.mark.parametrize(("text", "etype"), [
    ("Dock workers in Chile went on strike on Monday.", "PROTEST"),
    ("Nurses in Kenya began a four-day strike on Monday.", "PROTEST"),
    ("Teachers in Peru joined the general strike.", "PROTEST"),
    ("Bus drivers in Lagos began an open-ended strike over unpaid wages.", "PROTEST"),
    ("The jailed activists continued their hunger strike on Friday.", "PROTEST"),
    ("Israel launched a drone strike on the camp.", "ASSAULT"),
])
def test_a_strike_is_a_protest_or_an_attack_by_its_words(events_nlp, text, etype):
    assert etype in {e["type"] for e in events(events_nlp, text)}


def test_a_bare_strike_named_again_is_no_protest(events_nlp):
    text = "The strike hit a convoy near the airport."
    assert not [e for e in events(events_nlp, text) if e["type"] == "PROTEST"]


@pytest.mark.parametrize("text", [
    "Kenya's interior ministry characterized Sunday's shelling as a breach of the truce.",
    "The Kenyan government described Friday's bombing as cowardly.",
])
def test_who_judges_an_act_is_not_its_actor(events_nlp, text):
    found = [e for e in events(events_nlp, text) if e["type"] == "ASSAULT"]
    assert found and all(e["actor_country"] is None for e in found)


@pytest.mark.parametrize(("text", "holder"), [
    ("Legislators from the pro-democracy bloc heckled Hong Kong's chief executive, Mei Wong.",
     "opposition:HKG"),
    ("Pro-democracy activists in Hong Kong criticised Chief Executive Mei Wong.",
     "opposition:HKG"),
    ("Anti-government protesters in Bangkok denounced Prime Minister Somchai Rak of Thailand.",
     "opposition:THA"),
])
def test_people_marked_as_the_opposition_hold_its_stance(nlp, text, holder):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert any(s.holder == holder and s.polarity == "oppose" for s in article.stances)
    assert all(e.actor_sector == "opposition" for e in article.events
               if e.type in ("PROTEST", "ACCUSE"))


@pytest.mark.parametrize(("text", "place"), [
    ("Israel launched an airstrike at Damascus International Airport on Tuesday.",
     "at Damascus International Airport"),
    ("Gunmen opened fire at the Serena Hotel in Kabul.", "at Serena Hotel"),
])
def test_at_a_building_or_airport_is_where_not_whom(events_nlp, text, place):
    found = [e for e in events(events_nlp, text) if e["type"] == "ASSAULT"]
    assert found and all((e["target_text"] or "").startswith("at ") for e in found)


@pytest.mark.parametrize("text", [
    "The president said the Congo rainforest should be opened up to farming.",
    "Brazil's president said the Amazon basin must be protected.",
])
def test_an_obligation_on_a_thing_is_no_demand(events_nlp, text):
    assert not [e for e in events(events_nlp, text) if e["type"] == "REQUEST"]


def test_an_obligation_on_a_party_is_a_demand(events_nlp):
    found = [e for e in events(events_nlp, "Germany said Russia must explain the poisoning.")
             if e["type"] == "REQUEST"]
    assert [(e["actor_country"], e["target_country"]) for e in found] == [("DEU", "RUS")]


@pytest.mark.parametrize(("text", "holder", "target"), [
    ("A Russian missile strike killed 20 civilians in Kharkiv, Ukraine.", "RUS", "UKR"),
    ("Saudi jets killed 14 villagers in Saada, Yemen, on Sunday.", "SAU", "YEM"),
])
def test_foreign_violence_on_people_is_against_their_country(nlp, text, holder, target):
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    assert any(s.holder.endswith(holder) and s.target_key == target and
               s.polarity == "oppose" for s in article.stances)


def test_a_state_arresting_its_own_people_is_not_against_itself(nlp):
    article = analyze("Egyptian police arrested 12 demonstrators in Cairo, Egypt.",
                      published=PUBLISHED, nlp=nlp)
    assert not [s for s in article.stances if s.target_key == "EGY"]


@pytest.mark.parametrize(("text", "country"), [
    ("Judge Marta Ruiz opened a fraud inquiry into 12 Peruvian officials on Monday.", "PER"),
    ("The interior minister banned all rallies in Malawi until further notice.", "MWI"),
])
def test_a_short_text_gives_an_uncoded_actor_its_one_country(events_nlp, text, country):
    found = [e for e in events(events_nlp, text) if e["type"] in ("ACCUSE", "COERCE")]
    assert found and all(e["actor_country"] == country for e in found)


def test_a_sentence_with_two_countries_gives_an_uncoded_actor_none(events_nlp):
    text = "The judge opened a fraud inquiry into Peruvian and Bolivian officials."
    found = [e for e in events(events_nlp, text) if e["type"] == "ACCUSE"]
    assert found and all(e["actor_country"] is None for e in found)
