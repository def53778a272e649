"""The ``newslens_paragraphs`` component: a sentence never runs across a blank line.

The model's parser decides sentence boundaries alone, and now and then it carries a sentence
over a paragraph break, most often after a token it does not read as an end ("said in a post
on X." then a new paragraph). Every rule that reads "the sentence before" or "this sentence"
then sees two paragraphs as one. This component runs before the parser and marks the first
token after a blank line (a whitespace token with two or more line breaks) as a sentence
start, which the parser keeps. Single line breaks are left alone: some sources wrap lines
inside sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraphs(doc: Doc) -> Doc:
    """Mark each first token after a blank line as a sentence start, in place."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or token.text.count("\n") >= 2
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = token.whitespace_.count("\n") >= 2
    return doc


@Language.component("newslens_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """Sentence starts at paragraph breaks, before the parser runs."""
    return mark_paragraphs(doc)
