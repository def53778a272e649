"""The components save the word-list files they read with ``nlp.to_disk``, and ``spacy.load``
refuses a pipeline saved with other lists (entities, time and events alike)."""

from __future__ import annotations

import pytest
import spacy

from extraction.entities.words import WORDS_FILE, WORDS_PATH
from extraction.events.words import EVENT_WORDS_FILE, EVENT_WORDS_PATH
from extraction.temporal.words import TIME_WORDS_FILE, TIME_WORDS_PATH

# Component, its word-list file (name and shipped path), a row that changes the lists, and
# what the refusal says.
SAVED = [
    ("newslens_entities", WORDS_FILE, WORDS_PATH, "honorifics\tCaptain", "entity word lists"),
    ("newslens_time", TIME_WORDS_FILE, TIME_WORDS_PATH, "moving_verbs\tshift",
     "time word lists"),
    ("newslens_events", EVENT_WORDS_FILE, EVENT_WORDS_PATH, "kin_nouns\tgodson",
     "event word lists"),
]


@pytest.mark.parametrize(("pipe", "name", "shipped", "row", "what"), SAVED)
def test_word_lists_saved_with_the_component(nlp, tmp_path, pipe, name, shipped, row, what):
    component = nlp.get_pipe(pipe)
    component.to_disk(tmp_path / pipe)
    assert (tmp_path / pipe / name).read_bytes() == shipped.read_bytes()
    assert component.from_disk(tmp_path / pipe) is component


@pytest.mark.parametrize(("pipe", "name", "shipped", "row", "what"), SAVED)
def test_word_lists_pipeline_saved_with_other_lists_is_refused(nlp, tmp_path, pipe, name,
                                                               shipped, row, what):
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / pipe / name
    assert saved.is_file()
    saved.write_text(saved.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"other {what}"):
        spacy.load(tmp_path / "pipeline")
