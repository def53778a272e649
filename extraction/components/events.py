"""The ``newslens_events`` component: who did what to whom, and when.

Reads the parse, ``doc._.newslens_entities``, ``doc._.newslens_timex`` and
``doc._.newslens_anchor``; writes ``doc._.newslens_events`` (``Event.to_dict()`` dicts).
The rules live in ``extraction.events.extract``; this class only wires them up. The word lists
the rules read are ``extraction/resources/event_words.tsv``, which ``nlp.to_disk`` saves
beside the pipeline with the event lexicon (see ``Events``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the Doc attributes)
from ..events.extract import RULES, check_rules, extract_events
from ..events.lexicon import LEXICON_PATH, Lexicon, load_lexicon
from ..events.words import EVENT_WORDS_FILE, EVENT_WORDS_PATH, load_event_words
from .saving import refuse_other, save_copy

#: The file a saved pipeline keeps the event lexicon in.
LEXICON_FILE = "event_lexicon.tsv"


class Events:
    """Find events in a parsed ``Doc`` with the newslens event lexicon.

    ``nlp.to_disk`` saves the lexicon the component uses (``event_lexicon.tsv``) and
    ``spacy.load`` reads it back from there, so a saved pipeline keeps its lexicon. It also
    saves the word lists the rules use (``event_words.tsv``); ``spacy.load`` checks that the
    saved lists are the ones this code reads, and refuses a pipeline saved with other lists
    rather than analyse differently.
    """

    def __init__(self, lexicon: Lexicon, max_pairs: int,
                 rules: list[str] | None = None, source: Path = LEXICON_PATH) -> None:
        self.lexicon = lexicon
        self.max_pairs = max_pairs
        self.rules = check_rules(rules)
        self.source = source

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_copy(self.source, path, LEXICON_FILE)
        save_copy(EVENT_WORDS_PATH, path, EVENT_WORDS_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Events:
        refuse_other(path, EVENT_WORDS_FILE, EVENT_WORDS_PATH, load_event_words,
                     "event word lists")
        saved = Path(path) / LEXICON_FILE
        if saved.is_file():
            self.lexicon = load_lexicon(saved)
            self.source = saved
        return self

    def __call__(self, doc: Doc) -> Doc:
        doc._.newslens_events = extract_events(
            doc,
            entities=doc._.newslens_entities or [],
            timex=doc._.newslens_timex or [],
            anchor=doc._.newslens_anchor or doc._.newslens_published,
            lexicon=self.lexicon,
            max_pairs=self.max_pairs,
            rules=self.rules,
        )
        return doc


@Language.factory(
    "newslens_events",
    requires=["doc.sents", "token.dep", "token.lemma", "doc._.newslens_entities",
              "doc._.newslens_timex", "doc._.newslens_anchor"],
    assigns=["doc._.newslens_events"],
    default_config={"max_pairs": 6, "rules": sorted(RULES)},
)
def make_events(nlp: Language, name: str, max_pairs: int, rules: list[str]) -> Events:
    """Build the events component.

    Args:
        nlp: the pipeline (unused; spaCy passes it to every factory).
        name: the component's name in the pipeline.
        max_pairs: at most this many actor x target events per trigger.
        rules: the named event rules to apply (``extraction.events.extract.RULES``); leave
            one out to switch it off.
    """
    return Events(load_lexicon(), max_pairs, rules)
