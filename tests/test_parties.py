"""Stance holders and targets as typed values: ``Party.parse`` reads every kind of key and
``party.key`` gives the key back unchanged."""

from __future__ import annotations

import pytest

import extraction
from extraction import Party, Stance


# Cases as data: one (key, kind, country, sector, name, label) row per key.
@pytest.mark.parametrize(
    ("key", "kind", "country", "sector", "name", "label"),
    [
        ("BOL", "state", "BOL", None, None, "Bolivia"),
        ("VEN", "state", "VEN", None, None, "Venezuela"),
        ("police:CHL", "sector", "CHL", "police", None, "Chile (police)"),
        ("military:VEN", "sector", "VEN", "military", None, "Venezuela (military)"),
        ("armed_forces:USA", "sector", "USA", "armed_forces", None,
         "United States (armed forces)"),
        ("group:Northern Front", "group", None, None, "Northern Front", "Northern Front"),
        ("group:three coastal states", "group", None, None, "three coastal states",
         "three coastal states"),
        ("entity:Ana Pérez", "entity", None, None, "Ana Pérez", "Ana Pérez"),
        ("un", "igo", None, None, "un", "United Nations"),
        ("eu", "igo", None, None, "eu", "European Union"),
        ("nato", "igo", None, None, "nato", "NATO"),
    ],
)
def test_parties_parse_every_kind(key, kind, country, sector, name, label):
    party = Party.parse(key)
    assert (party.kind, party.country, party.sector, party.name) == (kind, country, sector, name)
    assert party.label == label
    assert party.key == key
    assert party.is_state is (kind == "state")


@pytest.mark.parametrize(
    "key",
    ["BOL", "police:CHL", "group:Northern Front", "entity:Ana Pérez", "un", "UN", "EU",
     "rebels:SYR", "group:", "entity:", "group:a: b", "", "xyz", "VENE", "ven", "foo:bar",
     "a:b:CHL", ":CHL", "opposition:chl"],
)
def test_parties_key_round_trip(key):
    assert Party.parse(key).key == key
    assert Party.parse(Party.parse(key).key) == Party.parse(key)


def test_parties_unknown_keys_read_as_organisations_named_by_the_key():
    # Upper-case IGO spellings are not keys of igos.tsv (its keys are lower case): the label
    # is the key itself, as the dashboard always showed it; only three capitals are a state.
    for key in ("UN", "EU", "VENE", "foo:bar", "opposition:chl", "a:b:CHL"):
        party = Party.parse(key)
        assert (party.kind, party.country, party.label) == ("igo", None, key)


def test_parties_a_sector_without_a_word_keeps_its_country():
    party = Party.parse(":CHL")
    assert (party.kind, party.country, party.sector) == ("sector", "CHL", "")


def test_parties_are_values():
    assert Party.parse("police:CHL") == Party("sector", country="CHL", sector="police")
    assert len({Party.parse("BOL"), Party.parse("BOL"), Party.parse("un")}) == 2
    with pytest.raises(AttributeError):
        Party.parse("BOL").kind = "igo"  # type: ignore[misc]


def test_parties_exported_in_the_public_api():
    assert "Party" in extraction.__all__ and extraction.Party is Party


def test_parties_stance_holder_and_target_typed_without_changing_its_json():
    stance = Stance(holder="police:CHL", target="Northern Front", polarity="oppose",
                    score=-0.6, evidence=("V1",), target_key="group:Northern Front")
    assert stance.holder_party == Party("sector", country="CHL", sector="police")
    assert stance.target_party == Party("group", name="Northern Front")
    assert stance.to_dict()["holder"] == "police:CHL"
    assert Stance.from_dict(stance.to_dict()) == stance
    older = Stance(holder="BOL", target="Ana Pérez", polarity="support", score=0.5)
    assert older.holder_party.label == "Bolivia" and older.target_party is None
