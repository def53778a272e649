"""The entities component's word lists: the resource file and its loader (saving them with a
pipeline: ``test_word_lists_saved``)."""

from __future__ import annotations

import pytest

from extraction.entities import words
from extraction.entities.words import load_words


def test_entities_words_loader_reads_lists_in_order(tmp_path):
    path = tmp_path / "lists.tsv"
    path.write_text("# a comment\nlist\tentry\n\ncolours\tred\ncolours\tdark blue\n"
                    "shapes\tsquare\n", encoding="utf-8")
    assert load_words(path) == {"colours": ("red", "dark blue"), "shapes": ("square",)}


# Like test_time_words.py's broken-row test: each word-file loader is tested on its own format.
@pytest.mark.parametrize("row", ["colours red", "colours\t", "\tred"])
def test_entities_words_loader_rejects_a_broken_row(tmp_path, row):
    path = tmp_path / "lists.tsv"
    path.write_text(f"list\tentry\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lists.tsv:2"):
        load_words(path)


def test_entities_words_shipped_lists_are_clean():
    lists = load_words()
    assert len(lists) == 27
    for name, entries in lists.items():
        assert entries, name
        assert len(set(entries)) == len(entries), f"{name} lists a word twice"
        assert all(e == e.strip() and "  " not in e for e in entries), name


def test_entities_words_constants_come_from_the_file():
    lists = load_words()
    assert words.HONORIFICS == frozenset(lists["honorifics"])
    assert words.SPEAKING_VERBS == frozenset(lists["speaking_verbs"])
    assert "Dr." in words.HONORIFICS and "dr." not in words.HONORIFICS
    assert ("foreign", "ministry") in words.INSTITUTION_NOUNS
    assert words.INSTITUTION_NOUNS == tuple(tuple(p.split()) for p in
                                            lists["institution_nouns"])
