"""Officials tied to the country that leads them in, and sentences that stop at a blank line.

Wire copy names a country, then lets its officials speak without naming the country again
("Neighbouring Romania said it would help. 'We will,' Energy Minister X said."). In a story
about several countries no one country dominates, so the story's country cannot tie them;
the sentence before, in the same paragraph, can. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from extraction import analyze

# A story of four countries: none has most of the place mentions.
OPENING = ("Russia cut gas supplies to Moldova on Wednesday, and Ukraine refused to let "
           "other gas through its pipelines. Moscow blamed Kyiv and Chisinau.\n\n")


def entity(nlp, text: str, name: str):
    article = analyze(text, published="2025-01-01", nlp=nlp)
    found = [e for e in article.entities if e.canonical.endswith(name)]
    assert found, [e.canonical for e in article.entities]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # The sentence before names the country as its subject; asides do not count.
        (OPENING + "Neighbouring Romania, an EU member that borders Ukraine, said it would "
         "send electricity. \"We will not leave our neighbours in the dark,\" Energy Minister "
         "Andrei Vasilescu said.", "Vasilescu", "ROU"),
        (OPENING + "Turkey, which buys Russian gas, was more guarded. Foreign Minister Mehmet "
         "Aksoy said Ankara hoped for talks.", "Aksoy", "TUR"),
        # "Reaction in Hungary": the country inside the subject.
        (OPENING + "Reaction in Hungary, a close partner of Moscow, was muted. Foreign Minister "
         "Gabor Kertesz called for calm.", "Kertesz", "HUN"),
    ],
)
def test_official_takes_the_country_of_the_sentence_before(nlp, text, name, country):
    assert entity(nlp, text, name).country == country


def test_a_president_so_tied_heads_the_state(nlp):
    found = entity(nlp, OPENING + "Bulgaria said on Thursday it would share its gas reserves. "
                   "President Stefan Kolev told reporters the region had to stand together.",
                   "Kolev")
    assert (found.country, found.role) == ("BGR", "head of state")


@pytest.mark.parametrize(
    "text",
    [
        # The country leads another paragraph.
        OPENING + "Romania said it would send electricity.\n\nEnergy Minister Andrei "
        "Vasilescu said the lines were ready.",
        # The subject names two countries.
        OPENING + "Romania and Bulgaria said they would send electricity. Energy Minister "
        "Andrei Vasilescu said the lines were ready.",
        # The country is no subject: the sentence is about what was done to it.
        OPENING + "The European Union promised aid to Romania. Energy Minister Andrei "
        "Vasilescu said the lines were ready.",
    ],
)
def test_no_lead_no_tie(nlp, text):
    assert entity(nlp, text, "Vasilescu").country is None


def test_a_person_written_as_someone_elses_keeps_that_owner(nlp):
    text = (OPENING + "Romania said it would send electricity. Acme Energy president Andrei "
            "Vasilescu said the lines were ready.")
    assert entity(nlp, text, "Vasilescu").country is None


def test_a_sentence_stops_at_a_blank_line(nlp):
    text = ("The minister said so in a post on X.\n\nNeighbouring Romania said it would send "
            "electricity.")
    doc = nlp(text)
    starts = [s[0].text for s in doc.sents if not s[0].is_space]
    assert "Neighbouring" in starts


def test_a_single_line_break_does_not_end_a_sentence(nlp):
    doc = nlp("The minister said the talks\nwould go on next week in Geneva.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A relative clause that only says what the person is reads as an apposition.
        (OPENING + "In Vienna, Deputy Prime Minister Ilse Gruber, who is also Austria's "
         "foreign minister, said on Thursday that talks were needed.", "Gruber", "AUT"),
        (OPENING + "Ana Sousa, who serves as Portugal's ambassador to the bloc, told "
         "reporters the region had to stand together.", "Sousa", "PRT"),
        (OPENING + "Jonas Berg, who was Sweden's energy minister until May, called for calm.",
         "Berg", "SWE"),
    ],
)
def test_official_described_by_a_relative_clause(nlp, text, name, country):
    assert entity(nlp, text, name).country == country


def test_a_relative_clause_about_something_else_ties_no_one(nlp):
    # "who is a critic of Russia's government" says whom she criticises, not whom she serves.
    found = entity(nlp, OPENING + "Irina Volkova, who is a critic of Russia's government, said "
                   "the cut-off was blackmail.", "Volkova")
    assert found.country != "RUS"
