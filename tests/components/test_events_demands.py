"""Demands and characterisations of the wire: "called for X to do Y", demands for someone's
release, what a party calls another's act ("called the charge baseless"), and the counted
references that name the parties who act ("the three juntas", "the two", "the neighbours").

The sentences are written for these tests; each exercises a class of reports.
"""

from __future__ import annotations

import pytest

from extraction import analyze

PUBLISHED = "2025-06-12"  # a Thursday


def _article(nlp, text: str):
    return analyze(text, published=PUBLISHED, nlp=nlp)


def _events(nlp, text: str) -> list[tuple]:
    return [(ev.type, ev.trigger.text, ev.actor_country, ev.target_country, ev.date)
            for ev in _article(nlp, text).events]


def _stances(nlp, text: str) -> dict[tuple[str, str], str]:
    return {(s.holder, s.target_key): s.polarity for s in _article(nlp, text).stances}


# ----------------------------------------------------------------- "called for X to do Y"

@pytest.mark.parametrize("text, expected", [
    ("Kenyan President William Ruto called on Tuesday for Ethiopian troops to leave Somalia.",
     ("REQUEST", "called", "KEN", "ETH", "2025-06-10")),
    ("Rights groups in Peru called for the decree to be repealed on Monday.",
     ("REQUEST", "called", "PER", None, "2025-06-09")),
    ("Poland pressed for the sanctions on Belarus to be extended.",
     ("REQUEST", "pressed", "POL", None, "2025-06-12")),
])
def test_a_call_for_a_clause_is_a_request(nlp, text, expected):
    # The parser hangs "for" on the clause that follows ("for Ethiopian troops to leave")
    # as its mark, not on the verb.
    assert expected in _events(nlp, text)


def test_a_call_for_others_to_withdraw_opposes_them(nlp):
    stances = _stances(nlp, "Britain called for Russia to withdraw its troops from Moldova.")
    assert stances.get(("GBR", "RUS")) == "oppose"


def test_a_meeting_called_for_a_day_is_no_request(nlp):
    events = _events(nlp, "Ghana called a meeting of West African leaders for Friday.")
    assert not [e for e in events if e[0] == "REQUEST"]


# ----------------------------------------------------------------- release demands

def test_demanding_the_release_of_people_supports_them(nlp):
    text = "The State Department demanded the release of the jailed opposition leaders in Belarus."
    article = _article(nlp, text)
    assert ("SUPPORT", "release", "USA", "BLR") in [
        (e.type, e.trigger.text, e.actor_country, e.target_country) for e in article.events]
    stances = {(s.holder, s.target_key): s.polarity for s in article.stances}
    assert stances == {("USA", "opposition:BLR"): "support"}


def test_a_release_demanded_of_a_named_holder_opposes_the_holder(nlp):
    text = ("Norway demanded the immediate release of two Norwegian aid workers held by the "
            "Houthis in Yemen.")
    events = _events(nlp, text)
    request = [e for e in events if e[0] == "REQUEST"]
    assert request and request[0][2:4] == ("NOR", "YEM")
    assert not [e for e in events if e[0] == "SUPPORT" and e[3] == "YEM"]


def test_asking_a_state_to_free_people_still_opposes_the_state(nlp):
    stances = _stances(nlp, "France urged Iran to release the two detained French teachers.")
    assert stances.get(("FRA", "IRN")) == "oppose"


def test_the_release_of_things_is_no_support(nlp):
    events = _events(nlp, "Sweden called for the release of frozen funds on Monday.")
    assert not [e for e in events if e[0] == "SUPPORT"]


# ----------------------------------------------------------------- characterisations

@pytest.mark.parametrize("text, holder, target", [
    ('Algeria called Morocco\'s accusation "baseless".', "DZA", "MAR"),
    ("Australia called China's use of water cannon dangerous and destabilising.", "AUS", "CHN"),
    ('Belgium called Rwanda\'s decision "disproportionate".', "BEL", "RWA"),
])
def test_a_dismissive_characterisation_condemns_the_author(nlp, text, holder, target):
    assert _stances(nlp, text).get((holder, target)) == "oppose"


def test_a_characterisation_that_neither_blames_nor_praises_is_a_statement(nlp):
    text = ("Senegal's president on Tuesday called the split with Mali "
            '"a wound that only time can heal".')
    assert ("STATEMENT", "called", "SEN", "2025-06-10") in [
        (e[0], e[1], e[2], e[4]) for e in _events(nlp, text)]


@pytest.mark.parametrize("text", [
    "Kenya called an emergency meeting of the council on Monday.",
    "The Kenyan president called his Ugandan counterpart on Monday.",
])
def test_calling_a_meeting_or_a_person_is_no_characterisation(nlp, text):
    assert not [e for e in _events(nlp, text) if e[0] in ("STATEMENT", "ACCUSE")]


def test_a_dangerous_situation_in_a_quote_blames_no_one(nlp):
    text = '"The situation in Somalia is dangerous," the Kenyan foreign minister said.'
    assert not [s for s in _article(nlp, text).stances if s.polarity == "oppose"]


# ----------------------------------------------------------------- counted references

def test_the_three_juntas_and_their_they_are_the_three_states(nlp):
    text = ("The military governments of Chad, Guinea and Gabon met in Conakry on Tuesday. "
            "The three juntas said on Monday that they would leave the African Union by the "
            "end of the year.")
    events = _events(nlp, text)
    assert {e[2] for e in events if e[1] == "said"} == {"TCD", "GIN", "GAB"}
    assert {e[2] for e in events if e[1] == "leave"} == {"TCD", "GIN", "GAB"}


def test_the_two_as_a_subject_are_the_pair_just_named(nlp):
    text = ("Kenya's foreign minister spoke by phone on Tuesday with his Ugandan counterpart, "
            "and the two called for a ceasefire in South Sudan.")
    assert {e[2] for e in _events(nlp, text) if e[1] == "called"} == {"KEN", "UGA"}


def test_the_neighbours_are_the_pair_named_before(nlp):
    text = ("Serbia and Croatia signed a water treaty on Friday. "
            "The neighbours also agreed to reopen a rail link.")
    assert {(e[2], e[3]) for e in _events(nlp, text) if e[1] == "agreed"} == {
        ("SRB", "HRV"), ("HRV", "SRB")}


# ----------------------------------------------------------------- further requested acts

@pytest.mark.parametrize("text, holder, target", [
    ("Britain urged Russia to halt its strikes and withdraw its forces from Moldova.",
     "GBR", "RUS"),
    ("Washington called on Belgrade to de-escalate and to pull its troops back from the "
     "boundary.", "USA", "SRB"),
])
def test_every_act_a_request_asks_for_is_the_addressee_s(nlp, text, holder, target):
    article = _article(nlp, text)
    # The second act asked for is no act of the one who asks: no retreat by Britain, and
    # no support for the place the troops would leave. If it is an event, it is the
    # addressee's and has not happened.
    assert [(e.type, e.actor_country) for e in article.events if e.modality == "happened"] \
        == [("REQUEST", holder)]
    assert all(e.actor_country == target for e in article.events if e.type != "REQUEST")
    assert {(s.holder, s.target_key): s.polarity for s in article.stances} == {
        (holder, target): "oppose"}


def test_a_hostile_act_asked_of_others_is_the_asker_s_stance(nlp):
    text = "Kenya urged Europe to go further and cut Russian banks off from the payments network."
    article = _article(nlp, text)
    assert ("SANCTION", "RUS", "planned") in [
        (e.type, e.target_country, e.modality) for e in article.events if e.actor_country != "KEN"]
    assert {(s.holder, s.target_key): s.polarity for s in article.stances} == {
        ("KEN", "RUS"): "oppose"}


def test_a_promise_of_two_acts_keeps_the_second(nlp):
    events = _events(nlp, "Iraq promised to withdraw from Iranian territory and release "
                          "prisoners of war.")
    assert "release" in [e[1] for e in events]


# ----------------------------------------------------------------- documents signed

@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin signed a law banning adoptions by American families.",
    "Ukrainian President Volodymyr Zelenskiy signed a decree barring 19 Georgian officials "
    "from entering Ukraine.",
])
def test_signing_a_law_or_decree_is_no_support_for_those_it_names(nlp, text):
    article = _article(nlp, text)
    assert not [e for e in article.events if e.trigger.text == "signed" and e.type == "SUPPORT"]
    assert not [s for s in article.stances if s.polarity == "support"]


def test_what_a_signed_order_does_happens_when_it_is_signed(nlp):
    text = ("Mexico closed its border crossings on Monday. "
            "President Claudia Sheinbaum signed an executive order imposing tariffs on "
            "Chinese steel.")
    assert ("SANCTION", "imposing", "MEX", "CHN", "2025-06-09") in _events(nlp, text)


def test_a_signed_treaty_is_still_mutual_support(nlp):
    stances = _stances(nlp, "Serbia and Croatia signed a water treaty on Friday.")
    assert stances == {("SRB", "HRV"): "support", ("HRV", "SRB"): "support"}
