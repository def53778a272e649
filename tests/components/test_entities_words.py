"""The entities component's word lists: the resource file, its loader, and saving them."""

from __future__ import annotations

import pytest
import spacy

from extraction.entities import words
from extraction.entities.words import WORDS_FILE, WORDS_PATH, load_words


def test_entities_words_loader_reads_lists_in_order(tmp_path):
    path = tmp_path / "lists.tsv"
    path.write_text("# a comment\nlist\tentry\n\ncolours\tred\ncolours\tdark blue\n"
                    "shapes\tsquare\n", encoding="utf-8")
    assert load_words(path) == {"colours": ("red", "dark blue"), "shapes": ("square",)}


@pytest.mark.parametrize("row", ["colours red", "colours\t", "\tred"])
def test_entities_words_loader_rejects_a_broken_row(tmp_path, row):
    path = tmp_path / "lists.tsv"
    path.write_text(f"list\tentry\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lists.tsv:2"):
        load_words(path)


def test_entities_words_shipped_lists_are_clean():
    lists = load_words()
    assert len(lists) == 25
    for name, entries in lists.items():
        assert entries, name
        assert len(set(entries)) == len(entries), f"{name} lists a word twice"
        assert all(e == e.strip() and "  " not in e for e in entries), name


def test_entities_words_constants_come_from_the_file():
    lists = load_words()
    assert words.HONORIFICS == frozenset(lists["honorifics"])
    assert "Dr." in words.HONORIFICS and "dr." not in words.HONORIFICS
    assert ("foreign", "ministry") in words.INSTITUTION_NOUNS
    assert words.INSTITUTION_NOUNS == tuple(tuple(p.split()) for p in
                                            lists["institution_nouns"])


def test_entities_words_saved_with_the_component(nlp, tmp_path):
    component = nlp.get_pipe("newslens_entities")
    component.to_disk(tmp_path / "entities")
    saved = tmp_path / "entities" / WORDS_FILE
    assert saved.read_bytes() == WORDS_PATH.read_bytes()
    assert component.from_disk(tmp_path / "entities") is component


def test_entities_words_pipeline_saved_with_other_lists_is_refused(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "newslens_entities" / WORDS_FILE
    assert saved.is_file()
    saved.write_text(saved.read_text(encoding="utf-8") + "honorifics\tCaptain\n",
                     encoding="utf-8")
    with pytest.raises(ValueError, match="other entity word lists"):
        spacy.load(tmp_path / "pipeline")
