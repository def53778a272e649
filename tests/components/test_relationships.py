"""A noun of a relationship is a relation, not an event of the timeline (rule
``relationship_nouns``, module ``extraction.events.relationships``).

"Ghana, a close ally of Togo": the noun says what stands between the two, not what anyone
did on a day. It leaves ``Article.events`` but still counts for the stance, through a
relation found by ``relationship:<TYPE>`` (stance rule ``relationship_relation``), and the
stance's evidence names that relation. A noun a verb acts on ("ended military cooperation
with France") carries that act and stays an event. The aggregation run again on the
article as stored (after an analyst's correction) gives the same stances.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from extraction.corrections.restance import _restance


def article_of(nlp, text: str):
    return analyze(text, published="2025-06-12", nlp=nlp)


@pytest.mark.parametrize("text, noun, pair, polarity", [
    ("Ghana, a close ally of Togo, condemned the border closure.", "ally", ("GHA", "TGO"),
     "support"),
    ("Chile, locked in a bitter dispute with Bolivia over the river, asked the court to "
     "rule.", "dispute", ("CHL", "BOL"), "oppose"),
])
def test_a_relationship_noun_is_a_relation_not_an_event(nlp, text, noun, pair, polarity):
    article = article_of(nlp, text)
    assert noun not in [e.trigger.text for e in article.events]
    stance = next(s for s in article.stances
                  if (s.holder, s.target_key) == pair and s.polarity == polarity)
    relations = {r.id: r for r in article.relations}
    assert stance.evidence and all(
        relations[i].found_by.startswith("relationship:") for i in stance.evidence
        if i in relations)
    assert any(i in relations for i in stance.evidence)


def test_a_relationship_a_verb_acts_on_stays_an_event(nlp):
    article = article_of(nlp, "Niger ended its military cooperation with France in 2023.")
    assert "cooperation" in [e.trigger.text for e in article.events]


def test_the_stances_come_back_the_same_from_the_stored_article(nlp):
    article = article_of(nlp, "Ghana, a close ally of Togo, condemned Benin's decision to "
                              "close the border on Monday.")
    again = _restance(article, article.entities, article.events, article.relations)
    assert [(s.holder, s.target_key, s.polarity, round(s.score, 6), s.evidence)
            for s in again] == [(s.holder, s.target_key, s.polarity, round(s.score, 6),
                                 s.evidence) for s in article.stances]
