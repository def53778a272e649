"""When words are told: at the time of writing, or as what followed in the story.

"Lebanon's president condemned the strikes" reports the condemnation at the time of
writing; "Hours later, the alliance announced ..." goes on telling the story's day.
"""

from __future__ import annotations

from spacy.tokens import Token

from .syntax import NAMING_VERBS

__all__ = ["SEQUENCE_WORDS", "told_in_sequence", "words_told_now"]


#: Words that open a sentence told as what came next in the story ("Hours later, ...").
SEQUENCE_WORDS = frozenset({"later", "afterwards", "afterward", "thereafter", "shortly",
                            "subsequently", "then", "soon"})


def words_told_now(trigger: Token, words: bool) -> bool:
    """True for words (``words``: an act of words by its type) or a characterisation ("called
    the seizure lawful", whatever its type) told at the time of writing, not as what
    followed in the story (``told_in_sequence``)."""
    naming = trigger.pos_ == "VERB" and trigger.lemma_.lower() in NAMING_VERBS
    return (words or naming) and not told_in_sequence(trigger)


def told_in_sequence(trigger: Token) -> bool:
    """True when the trigger's sentence opens with a word of sequence before its first comma
    ("Hours later,", "Shortly afterwards,", "Then")."""
    for tok in trigger.sent[:5]:
        if tok.is_punct and tok.text in (",", ";", ":"):
            return False
        if tok.lower_ in SEQUENCE_WORDS:
            return True
    return False
