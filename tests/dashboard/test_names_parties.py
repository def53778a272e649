"""The dashboard reads holder keys and page choices through typed values: the holder
functions of ``dashboard.names`` are ``extraction.Party``'s, and a page subject round-trips
through its chooser option."""

from __future__ import annotations

import pytest

from dashboard.names import holder_country, holder_label, is_state
from dashboard.profiles import Subject, subject_label
from extraction import Party


@pytest.mark.parametrize(
    "key", ["BOL", "police:CHL", "group:Northern Front", "un", "rebels:SYR", "UN"])
def test_names_parties_holder_functions_are_the_party_s(key):
    party = Party.parse(key)
    assert (holder_label(key), holder_country(key), is_state(key)) == (
        party.label, party.country, party.is_state)


def test_names_parties_labels_as_the_dashboard_showed_them():
    assert [holder_label(k) for k in ("BOL", "police:CHL", "group:Northern Front", "un")] == [
        "Bolivia", "Chile (police)", "Northern Front", "United Nations"]
    assert [holder_country(k) for k in ("BOL", "police:CHL", "group:Northern Front", "un")] == [
        "BOL", "CHL", None, None]


@pytest.mark.parametrize(
    ("subject", "choice", "label"),
    [
        (Subject("country", "CHL"), "country:CHL", "Chile (CHL)"),
        (Subject("entity", "Ana Pérez"), "entity:Ana Pérez", "Ana Pérez"),
        (Subject("entity", "Front: North"), "entity:Front: North", "Front: North"),
    ],
)
def test_names_parties_page_subject_round_trip(subject, choice, label):
    assert subject.choice == choice
    assert Subject.from_choice(choice) == subject
    assert subject_label(choice) == label
