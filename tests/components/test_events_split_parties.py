"""Parties the parser splits or hides, found all the same.

- "Kyrgyz President X and Tajik President Y signed the treaty": the parser may make each
  name a subject of its own; both sign (argument rule ``split_subjects``).
- "The UN chief praised the two presidents": the pair is the two named before, not the
  one who praises them.
- "Burundi, whose troops have fought ...": the troops are Burundi's (rule
  ``relative_owner``).
- "NATO's secretary general said the alliance stood with Estonia": the alliance is the
  organisation of states named last, as "the bloc" is.
- "called Estonia's action lawful and necessary": words of approval make the
  characterisation support.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

from extraction import analyze


def analysed(nlp, text: str):
    return analyze(text, published="2026-04-24", nlp=nlp)


def test_two_titled_subjects_both_sign(nlp):
    events = analysed(nlp, "Kyrgyz President Sadyr Japarov and Tajik President Emomali "
                           "Rahmon signed the border treaty on Thursday.").events
    assert sorted((e.actor_country, e.target_country) for e in events
                  if e.trigger.text == "signed") == [("KGZ", "TJK"), ("TJK", "KGZ")]


def test_the_two_praised_are_the_pair_named_before(nlp):
    events = analysed(nlp, "Kyrgyz President Sadyr Japarov and Tajik President Emomali "
                           "Rahmon signed the border treaty on Thursday. UN Secretary-General "
                           "Antonio Guterres praised the two presidents for their courage."
                      ).events
    assert sorted(e.target_country for e in events if e.trigger.text == "praised") == \
        ["KGZ", "TJK"]


def test_whose_troops_are_the_owners(nlp):
    events = analysed(nlp, "Kenya thanked Uganda, whose police arrested the two suspects "
                           "on Monday.").events
    assert [e.actor_country for e in events if e.trigger.text == "arrested"] == ["UGA"]


def test_the_alliance_is_the_organisation_named_last(nlp):
    stances = analysed(nlp, "NATO Secretary General Mark Rutte said on Friday that the "
                            "alliance stood firmly with Estonia.").stances
    assert [(s.holder, s.target, s.polarity) for s in stances] == [
        ("nato", "Estonia", "support")]


def test_approving_words_make_a_characterisation_support(nlp):
    events = analysed(nlp, "Finnish President Alexander Stubb called Estonia's seizure of "
                           "the tanker lawful and necessary.").events
    assert [(e.type, e.target_country) for e in events if e.trigger.text == "called"] == [
        ("SUPPORT", "EST")]


def test_a_characterisation_is_told_at_the_time_of_writing(nlp):
    events = analysed(nlp, "Estonian forces detained the tanker on Thursday. Finnish "
                           "President Alexander Stubb called Estonia's action lawful and "
                           "necessary.").events
    assert [(e.date, e.date_source) for e in events if e.trigger.text == "called"] == [
        ("2026-04-24", "published")]


def test_the_alliance_further_back_is_no_organisation_of_states(nlp):
    events = analysed(nlp, "NATO foreign ministers met in Brussels on Monday. In Haiti, "
                           "police on Tuesday arrested two leaders of the alliance.").events
    assert [e.target for e in events if e.trigger.text == "arrested"] == [None]


def test_founders_of_a_body_are_no_targets_of_themselves(nlp):
    events = analysed(nlp, "Mali, Burkina Faso and Niger formed the Alliance of Sahel States "
                           "in 2023.").events
    pairs = {(e.actor_country, e.target_country) for e in events if e.trigger.text == "formed"}
    assert pairs == {(a, b) for a in ("MLI", "BFA", "NER") for b in ("MLI", "BFA", "NER")
                     if a != b}
