"""Classes of sentence common in wire reports of crises (issue 9): forces sent abroad, acts
that a demand asks for, obligations, and sharing. Each rule answers the class, not one
sentence.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def _article(text: str):
    return analyze(text, published="1998-02-12")


# --- own_forces: the troops a state sends are no target of its act -------------------------

@pytest.mark.parametrize("text", [
    "The Pentagon plans to deploy 3,000 Marines to the region.",
    "Chile, Peru and Ecuador also committed ground troops to the mission.",
    "Britain sent its warships and 2,000 soldiers to the gulf on Tuesday.",
])
def test_forces_sent_are_not_the_target(text):
    article = _article(text)
    assert not [e for e in article.events if e.target_text and any(
        w in e.target_text.lower() for w in ("marines", "troops", "soldiers", "warships"))]
    assert not [s for s in article.stances if s.target_key.startswith(("military:", "entity:"))]


def test_forces_sent_are_not_the_story_countrys_forces():
    # In a story about Iraq, troops without a country had been read as Iraq's own.
    article = _article("Iraq massed troops on the Saudi border on Monday. Iraqi officials said "
                       "the Iraqi army would stay. Iraq's president warned Washington. Egypt "
                       "and Syria also committed ground troops, to a lesser degree.")
    assert not [s for s in article.stances if s.holder in ("EGY", "SYR")]


def test_troops_attacked_stay_the_target():
    article = _article("Rebels attacked Ugandan troops near the border on Monday.")
    assert any(e.type == "ASSAULT" and e.target_country == "UGA" for e in article.events)


# --- requested_act: the act a demand names as its object has not happened -------------------

@pytest.mark.parametrize(("text", "act"), [
    ("Opposition groups called for Prime Minister Vargas's resignation on Monday.",
     "resignation"),
    ("Several unions called for a boycott of French goods.", "boycott"),
])
def test_a_demanded_act_is_planned(text, act):
    asked = [e for e in _article(text).events if e.trigger.text == act]
    assert asked and all(e.modality == "planned" for e in asked)


def test_an_announced_resignation_happened():
    events = _article("Prime Minister Vargas announced his resignation on Monday.").events
    assert any(e.trigger.text == "resignation" and e.modality == "happened" for e in events)


# --- must: an obligation is not an act done ---------------------------------------------

def test_an_act_that_must_be_done_has_not_happened():
    article = _article("Both Norway and Sweden must agree to any change in the fishing treaty.")
    agreed = [e for e in article.events if e.trigger.text == "agree"]
    assert agreed and all(e.modality == "planned" for e in agreed)
    assert not article.stances


# --- sharing: only a thing handed over is cooperation ----------------------------------------

@pytest.mark.parametrize("text", [
    "Croatia and Serbia share a long border and a language.",
    "The two nations share a faith with their neighbours in the south.",
])
def test_sharing_a_trait_is_no_cooperation(text):
    assert not [e for e in _article(text).events if e.type == "COOPERATE"]


def test_sharing_intelligence_is_cooperation():
    events = _article("Norway shared intelligence with Sweden on the smuggling ring.").events
    assert any(e.type == "COOPERATE" and e.actor_country == "NOR" for e in events)


# --- a promise of a hostile act named by a noun is a threat ----------------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Britain is committed to a blockade of Argentina.", "GBR", "ARG"),
])
def test_a_promised_hostile_act_is_a_threat(text, holder, target):
    article = _article(text)
    assert any(e.type == "THREATEN" and e.actor_country == holder for e in article.events)
    assert (holder, target, "oppose") in {(s.holder, s.target_key, s.polarity)
                                          for s in article.stances}


def test_a_promised_truce_is_still_a_promise():
    article = _article("Peru committed to a ceasefire with Ecuador on Monday.")
    assert ("PER", "ECU", "support") in {(s.holder, s.target_key, s.polarity)
                                        for s in article.stances}


# --- words of a name are no judgement --------------------------------------------------------

def test_a_name_in_reported_words_is_no_praise():
    article = _article("Officers in Belgrade said on Friday that their aim was to disband the "
                       "Kosovo Liberation Army.")
    assert not [s for s in article.stances if s.polarity == "support"]


# --- participle_patient: "after being captured" names no one who captured ------------------

def test_a_passive_gerund_without_agent_has_no_actor():
    article = _article("Dutch officers who searched for the engineer concluded he had died "
                       "soon after being captured.")
    captured = [e for e in article.events if e.trigger.text == "captured"]
    assert captured and all(e.actor_country is None for e in captured)
    assert not [s for s in article.stances if s.holder == "NLD"]


def test_a_passive_gerund_with_agent_keeps_it():
    article = _article("The Kenyan runner was hurt after being attacked by Somali gunmen.")
    assert any(e.trigger.text == "attacked" and e.actor_country == "SOM"
               for e in article.events)


# --- verbal attacks and names called ---------------------------------------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Iraq's president called the American leader a liar on Thursday.", "IRQ", "USA"),
    ("Last year, Polish officials assailed Belarus for holding military drills near the "
     "border.", "POL", "BLR"),
])
def test_name_calling_and_assailing_are_criticism(text, holder, target):
    article = _article(text)
    assert any(e.type == "ACCUSE" and e.actor_country == holder for e in article.events)
    assert (holder, target, "oppose") in {(s.holder, s.target_key, s.polarity)
                                          for s in article.stances}


# --- occasion_host: "after talks with X, Y ..." -----------------------------------------------

def test_a_meeting_that_opens_a_clause_is_its_subjects():
    article = _article("Following talks with Japan, China agreed to lift the ban.")
    assert any(e.type == "CONSULT" and e.actor_country == "CHN" and e.target_country == "JPN"
               for e in article.events)


def test_an_attack_that_opens_a_clause_is_not_its_subjects():
    article = _article("After the attack on the embassy, Kenya closed its border.")
    assert not [e for e in article.events if e.type == "ASSAULT" and e.actor_country == "KEN"]


# --- the armed services named bare are the state's own ---------------------------------------

def test_backing_up_ones_own_services_is_no_stance():
    article = _article("Washington sent 40 more ships to back up its Army, Navy and Air Force "
                       "units stationed in the desert.")
    assert [e for e in article.events if e.type == "SUPPORT"]
    assert not [s for s in article.stances if s.target_key.startswith("entity:")]


# --- a promise aimed against someone is a threat; unnamed groups hold no stance -------------

def test_a_commitment_to_act_against_someone_is_a_threat():
    article = _article("The Danish premier says he is committed to a tough line against Russia.")
    assert ("DNK", "RUS", "oppose") in {(s.holder, s.target_key, s.polarity)
                                        for s in article.stances}


@pytest.mark.parametrize(("text", "kept"), [
    ("Brazil went ahead with the dam, despite objections from other countries.", False),
    ("Brazil went ahead with the dam, despite objections from 14 other countries.", True),
])
def test_only_a_counted_or_named_group_holds_a_stance(text, kept):
    groups = [s for s in _article(text).stances if s.holder.startswith("group:")]
    assert bool(groups) == kept


# --- welcoming a thing is approval; welcoming a guest is a reception --------------------------

def test_welcoming_a_thing_is_support_for_its_owner():
    article = _article("Indonesia welcomed Australian investment in its nickel industry.")
    assert ("IDN", "AUS", "support") in {(s.holder, s.target_key, s.polarity)
                                         for s in article.stances}


@pytest.mark.parametrize("text", [
    "Norway welcomed the verdict against the Russian officer.",
    "Kenya welcomed the British delegation on Friday.",
])
def test_no_support_for_a_party_named_inside_or_for_a_guest(text):
    assert not [s for s in _article(text).stances if s.polarity == "support"]


# --- a multinational force is no one country's -----------------------------------------------

def test_a_multinational_force_is_not_the_story_countrys():
    article = _article("Iraq invaded Kuwait in August. Iraq later moved troops to the border, "
                       "and Iraqi officials defended the move. Iran also condemned the "
                       "multinational force in the Gulf.")
    assert not [s for s in article.stances if s.target_key == "military:IRQ"]


# --- former states are coded as their successors ----------------------------------------------

@pytest.mark.parametrize(("name", "code"), [
    ("the Soviet Union", "RUS"), ("Yugoslavia", "SRB"), ("Zaire", "COD"),
    ("Czechoslovakia", "CZE"), ("West Germany", "DEU"),
])
def test_a_former_state_is_its_successor(name, code):
    article = _article(f"Officials from {name} arrived in Geneva for the talks on Monday.")
    assert code in {e.country for e in article.entities}


# --- conditional_threat: a threat made on a condition is made ------------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Peru's trade minister said the country would retaliate against Chile if it kept the "
     "new tariffs.", "PER", "CHL"),
    ("China warned that it would impose sanctions on Lithuania if the office opened.",
     "CHN", "LTU"),
])
def test_a_conditional_threat_is_a_threat(text, holder, target):
    assert (holder, target, "oppose") in {(s.holder, s.target_key, s.polarity)
                                          for s in _article(text).stances}


def test_a_conditional_promise_is_still_not_done():
    article = _article("Japan said it would send aid to Peru if the floods worsened.")
    assert not [s for s in article.stances if s.polarity == "support"]


# --- a reduced relative split off by the parser keeps its subject -----------------------------

def test_a_split_reduced_relative_keeps_its_subject():
    article = _article("Paris then sent French troops to Chad, saying Libyan troops massed "
                       "nearby threatened Chad and its oil fields.")
    threats = [e for e in article.events if e.trigger.text == "threatened"]
    assert threats and all(e.actor_country == "LBY" for e in threats)
    assert not [s for s in article.stances if (s.holder, s.target_key) == ("FRA", "TCD")
                and s.polarity == "oppose"]


# --- "left nine people dead" is no departure -------------------------------------------------

@pytest.mark.parametrize("text", [
    "A Russian raid on the town left nine people dead.",
    "The storm left thousands homeless and without power.",
])
def test_leaving_someone_in_a_state_is_no_retreat(text):
    assert not [e for e in _article(text).events if e.type == "RETREAT"]


def test_leaving_a_place_is_still_a_departure():
    events = _article("The Russian troops left Kherson on Friday.").events
    assert [e for e in events if e.type == "RETREAT" and e.trigger.text == "left"]


# --- whose "its": the parallel possessor, the party a participle clause names -----------------

@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("Washington was alarmed by Iraq's invasion of Kuwait and its subsequent buildup of troops "
     "near the Saudi border.", "buildup", "IRQ"),
    ("The council said it would not lift the sanctions imposed on Syria after its crackdown on "
     "protesters.", "crackdown", "SYR"),
])
def test_a_possessive_pronoun_takes_the_nearer_owner(text, trigger, actor):
    events = [e for e in _article(text).events if e.trigger.text == trigger]
    assert events and all(e.actor_country == actor for e in events)
