"""The events package's word lists: the resource file, its loader, the constants the modules
read from it, and a pipeline round trip (saving and refusing: ``test_word_lists_saved``)."""

from __future__ import annotations

import re
from pathlib import Path

import spacy

from extraction.events import frame, references, resolve, targets, words
from extraction.events.words import load_event_words
from extraction.resources import read_word_lists

# The lists that are maps (entry -> value); every other list is a set or a sequence of words.
MAPS = {"sector_nouns", "sector_roles", "state_groups"}


def test_events_words_loader_reads_lists_and_values_in_order(tmp_path):
    path = tmp_path / "lists.tsv"
    path.write_text("# a comment\nlist\tentry\tvalue\n\nboats\tferry\nboats\tbarge\n"
                    "crews\tdeckhand\tsea\n", encoding="utf-8")
    assert load_event_words(path) == {"boats": {"ferry": "", "barge": ""},
                                      "crews": {"deckhand": "sea"}}
    assert load_event_words(path) == read_word_lists(path)


def test_events_words_shipped_lists_are_clean():
    lists = load_event_words()
    # Every list in the file is read into words.py, and nothing else is.
    used = set(re.findall(r'_(?:words|ordered|map|entries)\("([a-z_]+)"\)',
                          Path(words.__file__).read_text()))
    assert set(lists) == used
    assert all(lists.values())
    assert not [(name, entry) for name, entries in lists.items() for entry in entries
                if entry != entry.strip() or "  " in entry]
    # Only the maps have values, and every entry of a map has one.
    assert {name for name, entries in lists.items() if any(entries.values())} == MAPS
    assert all(all(lists[name].values()) for name in MAPS)


def test_events_words_constants_come_from_the_file():
    lists = load_event_words()
    assert words.PEOPLE_NOUNS == frozenset(lists["people_nouns"])
    assert words.SECTOR_NOUNS["troops"] == "military"
    assert words.SECTOR_ROLES["armed group"] == "rebels"
    # Ordered lists keep the file's order; place marks are read with a space after them.
    assert words.TARGET_PREPS == tuple(lists["target_preps"])
    assert words.TARGET_PREPS[0] == "against"
    assert words.PLACE_MARKS == ("in ", "at ", "near ")
    # A list joined to another one.
    assert words.PLAN_VERBS == words.HEDGE_VERBS | frozenset(lists["plan_verbs"])
    assert words.SPEAKER_NOUNS >= words.PEOPLE_NOUNS | words.HOME_NOUNS
    # The modules read the same objects under the names they always had.
    assert resolve.PEOPLE_NOUNS is words.PEOPLE_NOUNS
    assert references.SECTOR_NOUNS is words.SECTOR_NOUNS
    assert frame.MODAL_AUX is words.MODAL_AUX and "ca" in frame.MODAL_AUX
    assert targets.TARGET_PREPS is words.TARGET_PREPS


def test_events_words_pipeline_round_trip_keeps_events_and_stances(nlp, tmp_path):
    from extraction import analyze

    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = ("Thousands of protesters marched in Caracas on Monday against the government, and "
            "police arrested 12 demonstrators. On Tuesday the United States imposed sanctions "
            "on Venezuela's central bank, and the Venezuelan foreign ministry condemned the move "
            "as illegal.")
    first = analyze(text, published="2019-04-20", nlp=nlp)
    second = analyze(text, published="2019-04-20", nlp=loaded)
    assert first.events and first.stances
    assert [e.to_dict() for e in first.events] == [e.to_dict() for e in second.events]
    assert [s.to_dict() for s in first.stances] == [s.to_dict() for s in second.stances]


def test_events_words_state_groups_name_real_countries():
    from extraction import resources

    assert words.STATE_GROUPS
    for name, members in words.STATE_GROUPS.items():
        assert name == name.lower() and len(members) >= 2, name
        assert all(resources.is_country_code(code) for code in members), name
