"""The seed article (dated 2019-03-14) end to end: the stances and dated events it must give,
and none of their reverse."""

from __future__ import annotations

import pytest


def stances(article):
    return {(s.holder, s.target): s for s in article.stances}


def find(article, holder, target_part):
    return [s for (h, t), s in stances(article).items() if h == holder and target_part in t]


# Cases as data: one expected (holder, target, polarity) of the seed article a row.
@pytest.mark.parametrize("holder,target,polarity", [
    ("USA", "Guaido", "support"),
    ("USA", "Maduro", "oppose"),
    ("VEN", "United States", "oppose"),
    ("BOL", "Maduro", "support"),
    ("military:VEN", "Maduro", "support"),
])
def test_seed_events_expected_stances(seed_article, holder, target, polarity):
    found = find(seed_article, holder, target)
    assert found, f"no stance {holder} -> {target}"
    assert all(s.polarity == polarity for s in found)


def test_seed_events_group_of_countries_supports_guaido(seed_article):
    groups = [s for s in seed_article.stances
              if s.holder.startswith("group:") and "Guaido" in s.target]
    assert groups and all(s.polarity == "support" for s in groups)


@pytest.mark.parametrize("holder,target,polarity", [
    ("USA", "Guaido", "oppose"), ("USA", "Maduro", "support"),
    ("VEN", "United States", "support"), ("BOL", "Maduro", "oppose"),
    ("military:VEN", "Maduro", "oppose"),
])
def test_seed_events_no_reverse_stance(seed_article, holder, target, polarity):
    assert not [s for s in find(seed_article, holder, target)
                if s.polarity in (polarity, "mixed")]


def test_seed_events_dated_events(seed_article):
    cut = [e for e in seed_article.events if e.trigger.text == "cut"]
    assert cut and cut[0].date == "2019-01" and cut[0].type == "SANCTION"
    assert cut[0].actor_country == "VEN" and cut[0].target_country == "USA"
    departures = [e for e in seed_article.events
                  if e.trigger.text in ("departed", "withdrawal", "left", "exit", "leaving")]
    assert departures and all(e.date and e.date.startswith("2019-03-14") for e in departures)


def test_seed_events_reported_speech_has_a_speaker(seed_article):
    quote = [e for e in seed_article.events if e.trigger.text == "prevented"]
    assert quote and quote[0].speaker is not None
    speaker = seed_article.entity(quote[0].speaker)
    assert speaker is not None and "Pompeo" in speaker.canonical
