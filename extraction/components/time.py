"""The ``newslens_time`` component: temporal expressions normalized to TIMEX3 values.

It finds DATE, TIME, DURATION and SET expressions with the rules in ``extraction.temporal``
(regular expressions compiled once at import), decides past or future from the dependency
parse, and anchors relative expressions on the publication date: the caller's date, else the
article's dateline, else the latest full date the text mentions (``published_inferred``).
With no date at all, relative expressions stay unresolved (``XXXX-WXX-4``, ``PAST_REF``).
The work is ``extraction.temporal.anchor.tag_times``; this class only wires it up.

Why our own rules rather than dateparser or dateutil: dateutil parses a date string someone
already found and finds nothing in running text. dateparser's ``search_dates`` does search
text, but on the seed article (anchor 2019-03-14) it returned a ``datetime`` for each hit, so
"January" became 2019-01-14, "2018" 2018-03-14 and "this week" a single day; it gave the
convoy's "Thursday" as 2019-03-07 (always the previous week), read "one of a" as 2019-01-01,
cut spans such as "on Thursday morning and the", and missed "five-day" and "Thursday's".
TIMEX3 needs granularity ("2019-W11", "199", "P5D"), tense to choose the last or the next
Thursday, and durations and sets, none of which it has. It also ran at about 11,000 words a
second on Wikinews, which alone would add over half the spaCy model's time. Own rules score
value F1 0.854 and relaxed extent F1 0.949 on TempEval-3 platinum (``benchmarks/tempeval3.py``)
at 2-3% of the model's time on Wikinews (``benchmarks/speed.py``).

Besides the model's ``TimeExpression`` keys, each stored dict carries ``start_token`` and
``end_token`` (token offsets, end exclusive) so later components can date clauses cheaply;
``TimeExpression.from_dict`` ignores them.

The tense of each expression's clause comes from ``extraction.temporal.tense``; the word
lists the rules and the tense read are ``extraction/resources/time_words.tsv``, which
``nlp.to_disk`` saves beside the pipeline (see ``TimeTagger``). Besides the parse it reads
``token.pos``, which the model's ``attribute_ruler`` sets without declaring it, so it is not
in ``requires``, and ``doc._.newslens_published``, the caller's input, which no component
assigns.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the Doc attributes)
from ..temporal.anchor import tag_times
from ..temporal.words import TIME_WORDS_FILE, TIME_WORDS_PATH, load_time_words
from .saving import refuse_other, save_copy


class TimeTagger:
    """Finds temporal expressions and writes ``newslens_timex``, ``newslens_anchor`` and
    ``newslens_published_inferred``.

    ``nlp.to_disk`` saves the word lists the rules use (``time_words.tsv``) beside the
    pipeline; ``spacy.load`` checks that the saved lists are the ones this code reads, and
    refuses a pipeline saved with other lists rather than analyse differently (the rules are
    compiled from the lists once, at import).
    """

    def __init__(self, *, use_model_ents: bool = False) -> None:
        self.use_model_ents = use_model_ents

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_copy(TIME_WORDS_PATH, path, TIME_WORDS_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TimeTagger:
        refuse_other(path, TIME_WORDS_FILE, TIME_WORDS_PATH, load_time_words,
                     "time word lists")
        return self

    def __call__(self, doc: Doc) -> Doc:
        timex, anchor, inferred = tag_times(doc, doc._.newslens_published,
                                            use_model_ents=self.use_model_ents)
        doc._.newslens_timex = timex
        doc._.newslens_anchor = anchor.isoformat() if anchor else None
        doc._.newslens_published_inferred = inferred
        return doc


@Language.factory(
    "newslens_time",
    requires=["token.dep", "token.head", "token.tag", "token.lemma", "doc.sents", "doc.ents"],
    assigns=["doc._.newslens_timex", "doc._.newslens_anchor", "doc._.newslens_published_inferred"],
    default_config={"use_model_ents": False},
)
def make_time(nlp: Language, name: str, use_model_ents: bool) -> TimeTagger:
    """Create the time component.

    Args:
        nlp: the pipeline (unused; the rules need no vocabulary).
        name: the component's name in the pipeline.
        use_model_ents: also keep the model's DATE/TIME entities that name a time unit but
            that no rule found.
    """
    return TimeTagger(use_model_ents=use_model_ents)
