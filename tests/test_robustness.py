"""The whole pipeline on every TimeBank document and on generated odd inputs: no exception.

TimeBank is read from the shared benchmark folder (skipped with a message where absent) and
its TimeML tags are stripped; the odd inputs are generated here, from a fixed seed.
"""

from __future__ import annotations

import random
import re
import string

import pytest

from extraction import analyze, analyze_many
from extraction.errors import NewslensError

_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _plain(tml: str) -> str:
    found = _TEXT.search(tml)
    return _TAG.sub("", found.group(1) if found else tml)


def test_robustness_every_timebank_document_is_analysed(nlp, benchmarks_dir):
    folder = benchmarks_dir / "timebank"
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        pytest.skip(f"no TimeBank documents in {folder}")
    texts = [_plain(p.read_text(encoding="utf-8")) for p in paths]
    articles = list(analyze_many(texts, published="1998-01-08", nlp=nlp))
    assert len(articles) == len(paths)
    assert sum(len(a.entities) for a in articles) > len(paths)


def _names(rng: random.Random, n: int) -> str:
    first = ["Amina", "Jorge", "Li", "Olga", "Kwame", "Priya", "Hans", "Fatima", "Yuki", "Ivan"]
    last = ["Okafor", "Silva", "Wang", "Petrova", "Mensah", "Sharma", "Müller", "Haddad"]
    return ", ".join(f"{rng.choice(first)} {rng.choice(last)}" for _ in range(n))


def _odd_inputs() -> dict[str, str]:
    rng = random.Random(10)
    punct = "".join(rng.choice(string.punctuation + " ") for _ in range(3_000))
    return {
        "punctuation": "The minister spoke. " + punct,
        "names": "Those present: " + _names(rng, 400) + ".",
        "to_chains": "Officials said they wanted " + "to try to want " * 300 + "to meet on Monday.",
        "brackets": "Talks (" * 200 + "in Geneva" + ")" * 200 + " resumed on Friday.",
        "square": "The report [" * 150 + "of 2019" + "]" * 150 + " was cited by Kenya.",
        "mixed_scripts": ("President Putin (Путин) met Xi Jinping (习近平) and Erdoğan in "
                          "Tehran (تهران) on Tuesday; the talks will resume next week. ") * 20,
        "caps": "KENYA GHANA NIGERIA SAID ON MONDAY THAT " * 100,
        "dates": " ".join(f"{d} March 2019, last week, 3 p.m. UTC, the 1990s," for d in
                          range(1, 29)) * 5,
        "one_word": "Kenya",
        "newlines": "Ghana\n\n\n" * 500 + "Talks ended.",
        "long_sentence": "and the minister said that " * 600 + "it rained.",
        "apostrophes": "Nigeria's Ghana's Kenya's Ruto's the U.S.'s '' ' ''' " * 100,
    }


ODD = _odd_inputs()


@pytest.mark.parametrize("kind", sorted(ODD))
def test_robustness_odd_inputs_are_analysed_or_refused_clearly(nlp, kind):
    try:
        article = analyze(ODD[kind], published="2020-05-01", nlp=nlp)
    except NewslensError:
        return
    assert article.text
