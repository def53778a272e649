"""Where a complaint is heard is not whom it is against, a name inside another name is not a
party, and references to parties named before find them.

- "filed a complaint with the U.N. Security Council", "lodged a complaint with the WTO":
  the body that hears a complaint or a case is its venue (rule ``filing_venue``); a state
  named there ("a complaint with Beijing") is still the one complained to.
- "signed the Brussels Agreement with Kosovo": the city a pact is named after is where it
  was made, not a party, even where the tagger leaves the name without an entity.
- "the three countries" are the three named together as one list a few sentences before
  (rule ``counted_list``), not the last three named one by one.
- a confederation of states ("the Alliance of Sahel States", "the AES") acts as its member
  states, also through "it" and "the alliance" (rule ``state_groups``).
- "the bloc" is the organisation of states named before, also where the tagger reads the
  lower-case word as a proper noun; "stood at Denmark's side" is support for Denmark.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def stances(nlp, text: str) -> set[tuple[str, str | None, str]]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(s.holder, s.target_key, s.polarity) for s in article.stances}


@pytest.mark.parametrize("text, holder, forum", [
    ("Ghana filed a complaint with the U.N. Security Council on Monday.", "GHA", "unsc"),
    ("Peru lodged a complaint with the World Trade Organization over the new duties.",
     "PER", "wto"),
    ("Chile filed a formal complaint with the International Court of Justice.", "CHL",
     "icj"),
])
def test_the_body_hearing_a_complaint_is_no_target(nlp, text, holder, forum):
    assert not {s for s in stances(nlp, text) if s[0] == holder and s[1] == forum}


def test_a_complaint_lodged_with_a_state_is_against_it(nlp):
    found = stances(nlp, "Japan lodged a complaint with Beijing over the drills on Monday.")
    assert ("JPN", "CHN", "oppose") in found


@pytest.mark.parametrize("text, pair, city_country", [
    ("Serbia signed the Brussels Agreement with Kosovo in 2013.", ("SRB", "XKX"), "BEL"),
    ("Bolivia says the 1950 Lima Accord, which it signed with Chile, is void.",
     ("BOL", "CHL"), "PER"),
])
def test_the_city_a_pact_is_named_after_is_no_party(nlp, text, pair, city_country):
    found = stances(nlp, text)
    assert (*pair, "support") in found
    assert not {s for s in found if s[1] == city_country}



def test_the_three_countries_are_the_three_listed_together(nlp):
    text = ("Kenya, Uganda and Tanzania signed a border pact in Arusha on Monday. Egypt and "
            "Turkey have quarrelled over the African Union's role. "
            "The three countries formed a joint patrol force in March.")
    article = analyze(text, published="2025-06-12", nlp=nlp)
    formed = {e.actor_country for e in article.events if e.trigger.text == "formed"}
    assert formed == {"KEN", "UGA", "TZA"}


@pytest.mark.parametrize("text, pair", [
    ("Poland stood firmly at Lithuania's side after the incursion.", ("POL", "LTU")),
    ("The European Union said on Monday that the bloc stood in full solidarity with Cyprus.",
     ("eu", "CYP")),
])
def test_standing_with_a_state_is_support(nlp, text, pair):
    assert (*pair, "support") in stances(nlp, text)


def test_a_confederation_of_states_acts_as_its_members(nlp):
    text = ("Hours after the clash, the Alliance of Sahel States said it was recalling its "
            "envoys from Abuja. Nigeria criticised the alliance on Monday.")
    found = stances(nlp, text)
    for member in ("MLI", "BFA", "NER"):
        assert (member, "NGA", "oppose") in found
        assert ("NGA", member, "oppose") in found


def test_all_three_members_are_the_three_just_listed(nlp):
    text = ("The new bloc, a grouping of Kenya, Uganda and Tanzania, said on Monday that all "
            "three members were recalling their envoys from Juba.")
    found = stances(nlp, text)
    for member in ("KEN", "UGA", "TZA"):
        assert (member, "SSD", "oppose") in found


def test_members_of_a_body_are_not_a_counted_group(nlp):
    text = ("Kenya, Uganda and Tanzania met in Arusha. Two members of parliament were arrested "
            "in Nairobi on Monday.")
    article = analyze(text, published="2025-06-12", nlp=nlp)
    assert not {e.target_country for e in article.events if e.trigger.text == "arrested"} & {
        "UGA", "TZA"}


@pytest.mark.parametrize("text, pair", [
    ("The African Union reaffirmed its commitment to the territorial integrity of Somalia.",
     ("au", "SOM")),
    ("Brazil renewed its commitment to Paraguay on Tuesday.", ("BRA", "PRY")),
])
def test_a_commitment_to_a_state_is_support(nlp, text, pair):
    assert (*pair, "support") in stances(nlp, text)


@pytest.mark.parametrize("text, pair", [
    ("Ghana protested on Monday against a Togolese decree on the border villages. The note "
     "called the decree void. The African Union condemned the decree on Tuesday.",
     ("au", "TGO")),
    ("Hungary passed a law on foreign funding on Monday. Sweden condemned the law.",
     ("SWE", "HUN")),
])
def test_a_judged_document_is_against_whoever_made_it(nlp, text, pair):
    # "condemned the decree": the decree the story told of, and whose it was (rule
    # judged_document).
    assert (*pair, "oppose") in stances(nlp, text)


def test_a_document_the_story_gave_no_maker_has_no_target(nlp):
    assert not stances(nlp, "Peru sent troops to the border on Monday. Chile condemned the "
                            "decree.")


@pytest.mark.parametrize("text, helper, doer", [
    ("Nigerian jets struck rebel camps on Monday with support from Chad.", "TCD", "NGA"),
    ("Polish troops cleared the crossing with help from Lithuania.", "LTU", "POL"),
    ("Ethiopian forces raided the town with the backing of Eritrea.", "ERI", "ETH"),
])
def test_help_an_act_comes_with_backs_the_doer(nlp, text, helper, doer):
    # "with support from X": X backs the one who acts and is no target of the act (rule
    # backing_phrase).
    found = {(h.split(":")[-1], (t or "").split(":")[-1], p) for h, t, p in stances(nlp, text)}
    assert (helper, doer, "support") in found
    assert not {s for s in found if s[0] == doer and s[1] == helper}


@pytest.mark.parametrize("text, word, country", [
    ("Kenya's foreign ministry summoned the Ugandan envoy on Monday. Tanzania called for "
     "calm. The foreign ministry said the envoy had been warned.", "said", "KEN"),
    ("The Malian army shelled rebel positions near Kidal. Algeria condemned the shelling. "
     "The army said it had hit a weapons depot.", "hit", "MLI"),
])
def test_an_organ_named_again_is_the_states_named_before(nlp, text, word, country):
    # "the foreign ministry" after "Kenya's foreign ministry" (rule organ_reference).
    article = analyze(text, published="2025-06-12", nlp=nlp)
    assert [e.actor_country for e in article.events if e.trigger.text == word] == [country]


def test_an_organ_never_named_with_its_state_stays_unknown(nlp):
    article = analyze("Peru summoned the Chilean envoy. The defence ministry said it was "
                      "ready.", published="2025-06-12", nlp=nlp)
    assert not [e for e in article.events if e.trigger.text == "said"]


def test_a_rare_surname_opening_a_sentence_is_its_person_and_subject(nlp):
    # The tagger reads the rare surname as an adverb: it is still the person named before,
    # the subject of its sentence, and the "he" that follows.
    text = ("Burundi's foreign minister and his Rwandan counterpart Olivier Nduhungirehe met "
            "in Kigali on Monday. Nduhungirehe, speaking after the talks, rejected the "
            "claims. Burundi, he said, had sheltered the fighters, and he accused Gitega of "
            "stalling.")
    article = analyze(text, published="2025-06-12", nlp=nlp)
    person = next(e for e in article.entities if e.canonical == "Olivier Nduhungirehe")
    assert len(person.mentions) == 2
    assert {e.actor_country for e in article.events
            if e.trigger.text in ("rejected", "accused")} == {"RWA"}
