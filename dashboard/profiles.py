"""A country's or an entity's page: pure functions from articles to what the page shows.

A *subject* is a country (an ISO-3 code) or an entity (a canonical name, matched without
regard to case). For a subject this module finds the articles that name it, the stances it
gives and receives (and how they change month by month), the events it takes part in, and
who appears beside it. Nothing here imports Streamlit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from extraction import Party
from extraction.model import Article

from . import frames
from .names import country_label, country_name, label_words

#: Who-appears-with keeps this many companions, those in the most articles first.
COMPANIONS = 40
COMPANION_COLUMNS = ["entity", "kind", "country", "country_name", "role", "articles",
                     "mentions"]
MONTHLY_COLUMNS = frames.MONTHLY_COLUMNS


@dataclass(frozen=True)
class Subject:
    """What a page is about: ``kind`` is "country" or "entity", ``key`` an ISO-3 code or a
    canonical name. As a chooser's option it is written ``<kind>:<key>`` (``choice``)."""

    kind: str
    key: str

    @classmethod
    def from_choice(cls, choice: str) -> Subject:
        """The subject of a ``page_subjects`` option ("country:VEN", "entity:Ann Lee")."""
        kind, _, key = choice.partition(":")
        return cls(kind, key)

    @property
    def choice(self) -> str:
        """The subject as a chooser's option: ``Subject.from_choice(s.choice) == s``."""
        return f"{self.kind}:{self.key}"

    @property
    def label(self) -> str:
        """The subject's name for a heading."""
        return country_label(self.key) if self.kind == "country" else self.key


def subject_of(country: str | None, entity: str | None) -> Subject | None:
    """The page's subject from its two inputs; a country wins when both are given."""
    if country and Party.parse(country).is_state:
        return Subject("country", country)
    if entity and entity.strip():
        return Subject("entity", entity.strip())
    return None


def _folded(text: object) -> str:
    # Missing cells in a frame are None or NaN.
    return text.casefold() if isinstance(text, str) else ""


def _names(subject: Subject) -> set[str]:
    """The subject's names, folded: an entity's canonical name, or a country's code and
    display name (an entity "Venezuela" is the country)."""
    if subject.kind == "country":
        return {_folded(subject.key), _folded(country_name(subject.key))}
    return {_folded(subject.key)}


def _is_subject_entity(subject: Subject, canonical: str, country: str | None,
                       label: str) -> bool:
    if subject.kind == "entity":
        return _folded(canonical) == _folded(subject.key)
    return country == subject.key and label == "GPE" \
        and _folded(canonical) in _names(subject)


def mentions_subject(article: Article, subject: Subject) -> bool:
    """Whether the article names the subject: an entity of that name, or for a country
    anything tied to it (an entity, an event's actor or target, a stance's side)."""
    if subject.kind == "entity":
        name = _folded(subject.key)
        return any(_folded(e.canonical) == name for e in article.entities)
    return subject.key in frames.article_countries(article)


def subject_articles(articles: Sequence[Article], subject: Subject) -> list[Article]:
    """The articles that name the subject, in the order given."""
    return [a for a in articles if mentions_subject(a, subject)]


def stances_given(stances: pd.DataFrame, subject: Subject) -> pd.DataFrame:
    """Rows of ``frames.stances_frame`` held by the subject: for a country, by the state or
    a sector of it; for an entity, by a holder of that name."""
    if stances.empty:
        return stances
    if subject.kind == "country":
        keep = stances["holder_country"] == subject.key
    else:
        keep = stances["holder_label"].map(_folded).isin(_names(subject)) \
            | stances["holder"].map(_folded).isin(_names(subject))
    return stances[keep]


def stances_received(stances: pd.DataFrame, subject: Subject) -> pd.DataFrame:
    """Rows of ``frames.stances_frame`` aimed at the subject: for a country, at the state
    itself (its canonical key, or its name in analyses older than the key); for an entity,
    at a target of that name. A stance towards a country's leader is not one towards it."""
    if stances.empty:
        return stances
    names = _names(subject)
    keep = stances["target_key"].map(_folded).isin(names) \
        | stances["target"].map(_folded).isin(names)
    return stances[keep]


def monthly(stances: pd.DataFrame, *, background: bool = False) -> pd.DataFrame:
    """Stance rows per (month of publication, holder, target): ``frames.stance_by_month``'s
    columns, so ``charts.stance_over_time`` draws them."""
    return frames.monthly_stances(stances, background=background)


def top_series(monthly_rows: pd.DataFrame, limit: int = 8) -> pd.DataFrame:
    """Only the ``limit`` series (holder -> target lines) resting on the most articles, so a
    chart stays readable."""
    if monthly_rows.empty:
        return monthly_rows
    weight = monthly_rows.groupby("series")["articles"].sum()
    kept = weight.sort_values(ascending=False, kind="stable").index[:limit]
    return monthly_rows[monthly_rows["series"].isin(kept)]


def subject_events(events: pd.DataFrame, subject: Subject) -> pd.DataFrame:
    """Rows of ``frames.events_frame`` in which the subject acts or is acted on."""
    if events.empty:
        return events
    if subject.kind == "country":
        keep = (events["actor_country"] == subject.key) | (events["target_country"] == subject.key)
    else:
        names = _names(subject)
        keep = events["actor"].map(_folded).isin(names) | events["target"].map(_folded).isin(names)
    return events[keep]


def event_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events per type and tone, most frequent first: ``type``, ``tone``, ``events``,
    ``articles``."""
    columns = ["type", "tone", "events", "articles"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    counts = events.groupby(["type", "tone"]).agg(
        events=("event_id", "size"), articles=("article_id", "nunique")).reset_index()
    return counts.sort_values(["events", "type"], ascending=[False, True],
                              ignore_index=True)[columns]


def companions(articles: Sequence[Article], subject: Subject, *,
               limit: int = COMPANIONS) -> pd.DataFrame:
    """Who appears with the subject: the other entities of its articles, with the number of
    those articles each is in and its mentions there."""
    in_articles: Counter[tuple[str, str, str | None]] = Counter()
    mentions: Counter[tuple[str, str, str | None]] = Counter()
    roles: dict[tuple[str, str, str | None], Counter[str]] = {}
    for article in articles:
        seen = set()
        for ent in article.entities:
            if _is_subject_entity(subject, ent.canonical, ent.country, ent.label):
                continue
            key = (ent.canonical, ent.label, ent.country)
            mentions[key] += len(ent.mentions)
            if ent.role:
                roles.setdefault(key, Counter())[ent.role] += 1
            if key not in seen:
                seen.add(key)
                in_articles[key] += 1
    rows = [{"entity": name, "kind": label_words(label), "country": country,
             "country_name": country_name(country) if country else None,
             "role": roles[key].most_common(1)[0][0] if key in roles else None,
             "articles": count, "mentions": mentions[key]}
            for key, count in in_articles.items()
            for name, label, country in (key,)]
    frame = pd.DataFrame(rows, columns=COMPANION_COLUMNS)
    frame = frame.sort_values(["articles", "mentions", "entity"],
                              ascending=[False, False, True], ignore_index=True)
    return frame.head(limit)


def entity_choices(entities: pd.DataFrame, *, limit: int = 500,
                   keep: str | None = None) -> list[str]:
    """Entity names to offer on the page, from ``frames.corpus_entities_frame`` (most
    articles first, one entry per name); ``keep`` is added when it is not among them."""
    names: list[str] = []
    if not entities.empty:
        names = list(dict.fromkeys(entities["entity"]))[:limit]
    if keep and keep not in names:
        names.append(keep)
    return names


def page_subjects(countries: Sequence[str], entities: pd.DataFrame, *,
                  limit: int = 300) -> list[str]:
    """Choices for opening a page: ``country:<ISO-3>`` for each country, then
    ``entity:<name>`` for the entities in the most articles (countries are left to the
    first list)."""
    choices = [Subject("country", code).choice for code in countries]
    if not entities.empty:
        people = entities[entities["type"] != "GPE"]["entity"]
        choices += [Subject("entity", name).choice
                    for name in list(dict.fromkeys(people))[:limit]]
    return choices


def subject_label(choice: str) -> str:
    """A ``page_subjects`` choice in words: "Venezuela (VEN)", "Nicolás Maduro"."""
    return Subject.from_choice(choice).label
