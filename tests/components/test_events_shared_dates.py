"""Dates an act shares, and the date a dateline does not give.

- "Estonian forces boarded and detained a tanker ... on Thursday": the parse may hang
  "Thursday" deep inside the object, out of the second verb's reach; one subject's second
  act takes the date of its first (rule ``conjunct_date``).
- "TALLINN, Oct 16 (Wire) - ...": the dateline says when the story was filed; it is no
  time expression of the acts of its sentence.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

from extraction import analyze


def dated(nlp, text: str, published: str = "2026-10-16") -> dict[str, tuple[str, str]]:
    events = analyze(text, published=published, nlp=nlp).events
    return {e.trigger.text: (e.date, e.date_source) for e in events}


def test_the_second_act_of_one_subject_takes_the_first_ones_date(nlp):
    found = dated(nlp, "Estonian forces boarded and detained an oil tanker suspected of "
                       "belonging to a sanctioned fleet in the Gulf of Finland on Thursday.")
    assert found["boarded"] == found["detained"] == ("2026-10-15", "Thursday")


def test_a_dateline_dates_no_act_of_its_sentence(nlp):
    found = dated(nlp, "RIGA, Oct 16 (Wire) - Latvian police arrested two men suspected "
                       "of spying for a foreign service, officials said.")
    assert found["arrested"][1] != "Oct 16"

