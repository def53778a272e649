"""Envoys, documents and acts whose maker is written on them, and armed groups.

- "recalled its ambassador, Kofi Mensah Boateng": the doer's own envoy, named in
  apposition, is no target of the recall (the name would be a party the doer opposes); the
  post it is recalled from still is ("its ambassador to Islamabad, ...").
- "High Commissioner" is a diplomat's title, as between Commonwealth states: "Togo's High
  Commissioner Yaw Dede Agbeko" is a diplomat of Togo.
- "rejected the Arab League statement": a document with its maker written on it is that
  maker's, not the last one's that issued a statement (rule ``judged_document`` looks back
  only for "the statement" alone).
- "condemned the Iranian strikes": the state written on an act is its author, not the doer
  of the last strike told before.
- armed groups news names often (the Polisario Front, Jaish al-Adl, the Baloch
  Liberation Front, the Arakan Army) are known organisations of the state they fight.
- "defended the strikes" of its own jets: a state backing its own forces or police is no
  stance towards them.
- "handed over to Togo a list of the group's fighters": the one handed to is the
  target, not the group the list names (lexicon ``hand over``, ``target=to``).
- "In Rabat, government spokesman Karim Alaoui told ...": an official introduced after a
  capital that opens the sentence is that capital's state's (not a seat of an
  international body: "In Brussels, ...").
- "drew criticism from Croatia and from the European Commission": each source criticises.
- wire copy's epithets name their party: "the western alliance" is NATO, "the world body"
  the United Nations, "the Jewish state" Israel.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def stances(nlp, text: str) -> set[tuple[str, str | None, str]]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(s.holder, s.target_key, s.polarity) for s in article.stances}


@pytest.mark.parametrize("text, holder, envoy", [
    ("Ghana recalled its ambassador, Kofi Mensah Boateng, on Monday after Togo closed the "
     "border.", "GHA", "Kofi Mensah Boateng"),
    ("The two governments recalled their envoys, Ana Ruiz and Tomas Vidal, for "
     "consultations on Friday.", None, "Ana Ruiz"),
])
def test_ones_own_envoy_named_in_apposition_is_no_target(nlp, text, holder, envoy):
    found = stances(nlp, text)
    assert not {s for s in found if s[1] == f"entity:{envoy}"}


def test_the_post_an_envoy_is_recalled_from_stays_the_target(nlp):
    found = stances(nlp, "Tehran recalled its ambassador to Islamabad, Reza Tavakoli, on "
                         "Monday.")
    assert ("IRN", "PAK", "oppose") in found
    assert not {s for s in found if s[1] == "entity:Reza Tavakoli"}


def test_another_states_envoy_named_in_apposition_is_still_its_envoy(nlp):
    found = stances(nlp, "Ghana expelled Togo's ambassador, Yaw Dede Agbeko, on Monday.")
    assert ("GHA", "TGO", "oppose") in found


@pytest.mark.parametrize("text, name, country", [
    ("Accra summoned Togo's High Commissioner Yaw Dede Agbeko on Monday.", "Yaw Dede Agbeko",
     "TGO"),
    ("Nigerian High Commissioner Ada Okafor told reporters the talks had gone well.",
     "Ada Okafor", "NGA"),
])
def test_a_high_commissioner_is_a_diplomat_of_the_state_named(nlp, text, name, country):
    article = analyze(text, published="2025-06-12", nlp=nlp)
    person = next(e for e in article.entities if e.canonical == name)
    assert (person.role, person.country) == ("diplomat", country)


@pytest.mark.parametrize("text, maker, earlier", [
    ("Egypt and Sudan issued a joint statement on Monday. Kenya's foreign ministry rejected "
     "the Arab League statement as meddling.", "arableague", {"EGY", "SDN"}),
    ("Chile passed a decree on fishing rights on Monday. Peru rejected the Bolivian decree "
     "as illegal.", "BOL", {"CHL"}),
])
def test_a_document_with_its_maker_written_on_it_is_that_makers(nlp, text, maker, earlier):
    found = stances(nlp, text)
    holder = "KEN" if "Kenya" in text else "PER"
    assert (holder, maker, "oppose") in found
    assert not {s for s in found if s[0] == holder and s[1] in earlier}


@pytest.mark.parametrize("text, holder, author, other", [
    ("Iran fired missiles at camps in Pakistan on Tuesday. Hours later, Pakistan's military "
     "said it had struck hideouts inside Iran. The United States condemned the Iranian "
     "strikes.", "USA", "IRN", "military:PAK"),
    ("Chile's navy fired on a Peruvian boat on Monday. Hours later Peru shelled a Chilean "
     "post. Argentina condemned the Chilean strikes.", "ARG", "CHL", "PER"),
])
def test_an_act_with_its_state_written_on_it_blames_that_state(nlp, text, holder, author,
                                                               other):
    found = stances(nlp, text)
    assert (holder, author, "oppose") in found
    assert not {s for s in found if s[0] == holder and s[1] == other}


@pytest.mark.parametrize("text, name, country", [
    ("The Polisario Front called the decision a betrayal.", "Polisario Front", "ESH"),
    ("Troops struck hideouts of the Baloch Liberation Front on Friday.",
     "Baloch Liberation Front", "PAK"),
    ("Jaish al-Adl said it had carried out the raid.", "Jaish al-Adl", "IRN"),
    ("Fighters of the Arakan Army seized the town on Monday.", "Arakan Army", "MMR"),
])
def test_armed_groups_are_tied_to_the_state_they_fight(nlp, text, name, country):
    article = analyze(text, published="2025-06-12", nlp=nlp)
    group = next(e for e in article.entities if e.canonical == name)
    assert (group.role, group.country) == ("armed group", country)


def test_a_state_defending_its_own_forces_act_holds_no_stance_towards_them(nlp):
    found = stances(nlp, "Chilean warplanes struck rebel camps in northern Peru overnight. "
                         "Chile's foreign minister defended the strikes as self-defence.")
    assert not {s for s in found if s[0] == "CHL" and s[1] == "military:CHL"}
    # Another state's praise of those forces is a stance.
    assert ("PER", "military:CHL", "support") in stances(
        nlp, "Peru praised the Chilean navy for the rescue.")


def test_what_is_handed_over_is_not_whom_it_is_handed_to(nlp):
    found = stances(nlp, "Ghana has handed over to Togo a list of Arakan Army fighters "
                         "seen in the north.")
    assert ("GHA", "TGO", "support") in found
    assert not {s for s in found if s[1] == "entity:Arakan Army"}


@pytest.mark.parametrize("text, name, country", [
    ("In Rabat, government spokesman Karim Alaoui told reporters Algiers had been unhelpful.",
     "Karim Alaoui", "MAR"),
    ("In Nairobi, foreign ministry spokeswoman Jane Wambui said Uganda had broken the deal.",
     "Jane Wambui", "KEN"),
])
def test_an_official_speaking_in_the_capital_that_opens_the_sentence_is_its(nlp, text, name,
                                                                         country):
    article = analyze(text, published="2025-06-12", nlp=nlp)
    person = next(e for e in article.entities if e.canonical == name)
    assert person.country == country


def test_a_seat_of_an_international_body_opening_the_sentence_ties_no_one(nlp):
    article = analyze("In Brussels, spokesman Marc Dubois said the talks would resume.",
                      published="2025-06-12", nlp=nlp)
    person = next(e for e in article.entities if e.canonical == "Marc Dubois")
    assert person.country is None


@pytest.mark.parametrize("text, name, role, country", [
    ("The BSF said on Sunday that its patrol had come under attack.",
     "Border Security Force", "military", "IND"),
    ("Border Guard Bangladesh said the patrol had been stopped.", "Border Guard Bangladesh",
     "military", "BGD"),
    ("The Popular Mobilization Forces said the convoy had been hit.",
     "Popular Mobilization Forces", "military", "IRQ"),
])
def test_national_security_forces_are_their_states(nlp, text, name, role, country):
    article = analyze(text, published="2025-06-12", nlp=nlp)
    force = next(e for e in article.entities if e.canonical == name)
    assert (force.role, force.country) == (role, country)


def test_criticism_drawn_from_two_sources_is_each_ones(nlp):
    found = stances(nlp, "Serbia drew sharp criticism from Croatia and from the European "
                         "Commission.")
    assert {("HRV", "SRB", "oppose"), ("eu", "SRB", "oppose")} <= found


@pytest.mark.parametrize("text, holder, target", [
    ("Moscow condemned the western alliance's plan to open a base in Finland.", "RUS",
     "nato"),
    ("Iraq rejected the latest demands of the world body on Monday.", "IRQ", "un"),
    ("Hamas vowed to keep fighting the Jewish state.", "rebels:PSE", "ISR"),
])
def test_wire_epithets_name_their_party(nlp, text, holder, target):
    assert (holder, target, "oppose") in stances(nlp, text)
