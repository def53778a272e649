"""Pure functions from ``Article`` objects to pandas DataFrames for tables, charts and export.

Every function takes one article or a sequence of them, so the Analyze page (one article)
and the Corpus page (many) draw from the same frames. Nothing here imports Streamlit.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from extraction.corrections import ANALYST, Correction, text_key
from extraction.events.summary import (
    BACKGROUND_STANCE_WEIGHT,
    StanceRow,
    stance_weight,
    summarise_stances,
    target_names,
)
from extraction.model import Article, Event
from extraction.store import csv_safe
from extraction.temporal.periods import PRECISIONS, period_start

from .names import (
    country_label,
    country_name,
    holder_country,
    holder_label,
    is_state,
    label_words,
    time_words,
)

Articles = Article | Sequence[Article]

#: How much a background stance counts in an aggregate next to a current one.
BACKGROUND_WEIGHT = BACKGROUND_STANCE_WEIGHT
#: Events with a polarity above this are cooperation, below its negative conflict.
TONE_THRESHOLD = 0.05
#: An event dated this long before its article's publication is background (history the
#: article recalls), as the stance component counts it.
BACKGROUND_DAYS = 365
#: Event modalities other than "happened", drawn apart on the timeline.
NOT_HAPPENED = ("planned", "conditional", "denied")
#: With at least this many current events, the timeline's default window is their
#: ``WINDOW_QUANTILES`` range, so a few stray dates do not stretch it.
WINDOW_MIN_EVENTS = 20
WINDOW_QUANTILES = (0.02, 0.98)

#: The precisions the timeline places (``period_start``'s but decade and century, which it
#: has never placed: such values are shown in the tables only).
PLACED_PRECISIONS = frozenset(PRECISIONS) - {"decade", "century"}

ENTITY_COLUMNS = ["entity", "type", "kind", "country", "country_name", "role", "mentions", "id"]
EVENT_COLUMNS = [
    "article_id", "article", "published", "event_id", "date", "when", "precision",
    "date_source", "actor", "actor_country", "actor_group", "type", "negated", "target",
    "target_country", "polarity", "tone", "trigger", "sentence", "speaker", "summary",
    "modality", "background",
]
STANCE_COLUMNS = [
    "article_id", "article", "published", "holder", "holder_label", "holder_country",
    "target", "target_key", "target_country", "polarity", "score", "evidence", "current",
    "weight",
]
SUMMARY_COLUMNS = [
    "holder", "holder_label", "holder_country", "state", "target", "target_key",
    "target_country", "polarity", "score", "evidence", "articles", "stances", "background",
]


def _as_list(articles: Articles) -> list[Article]:
    return [articles] if isinstance(articles, Article) else list(articles)


def _title(article: Article) -> str:
    return article.title or f"article {article.id[:8]}"


def timex_to_timestamp(value: str | None) -> tuple[pd.Timestamp | None, str | None]:
    """Place a TIMEX3 value on a time axis: the start of the period and its precision.

    ``extraction.temporal.periods.period_start`` as a ``pd.Timestamp``: ``2019-03-14`` gives
    that day, ``2019-01`` the first of January, ``2019-W11`` the Monday of that week,
    ``2018`` the first of January 2018. References without a position (``PAST_REF``,
    durations such as ``P1Y``), malformed values (month 13, week 60), decades and centuries
    give ``(None, None)``.
    """
    day, precision = period_start(value)
    if day is None or precision not in PLACED_PRECISIONS:
        return None, None
    return pd.Timestamp(day), precision


def tone(polarity: float) -> str:
    """Name the direction of an event: cooperation, conflict or neutral."""
    if polarity > TONE_THRESHOLD:
        return "cooperation"
    if polarity < -TONE_THRESHOLD:
        return "conflict"
    return "neutral"


def entities_frame(article: Article) -> pd.DataFrame:
    """One row per entity: name, type, country, role and number of mentions."""
    rows = [
        {
            "entity": ent.canonical,
            "type": ent.label,
            "kind": label_words(ent.label),
            "country": ent.country,
            "country_name": country_name(ent.country) if ent.country else None,
            "role": ent.role,
            "mentions": len(ent.mentions),
            "id": ent.id,
        }
        for ent in article.entities
    ]
    frame = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return frame.sort_values(["mentions", "entity"], ascending=[False, True], ignore_index=True)


def corpus_entities_frame(articles: Articles) -> pd.DataFrame:
    """Entities across articles, merged by name, type and country, with article counts."""
    return _entity_totals((ent.canonical, ent.label, ent.country, ent.role, len(ent.mentions))
                          for article in _as_list(articles) for ent in article.entities)


def _entity_totals(entities: Iterable[tuple[str, str, str | None, str | None, int]]
                   ) -> pd.DataFrame:
    """``corpus_entities_frame`` from (name, type, country, role, mentions) per entity per
    article, in article order."""
    mentions: Counter[tuple[str, str, str | None]] = Counter()
    in_articles: Counter[tuple[str, str, str | None]] = Counter()
    roles: dict[tuple[str, str, str | None], Counter[str]] = {}
    for canonical, label, country, role, count in entities:
        key = (canonical, label, country)
        mentions[key] += count
        in_articles[key] += 1
        if role:
            roles.setdefault(key, Counter())[role] += 1
    rows = [
        {
            "entity": key[0],
            "type": key[1],
            "country": key[2],
            "country_name": country_name(key[2]) if key[2] else None,
            "role": roles[key].most_common(1)[0][0] if key in roles else None,
            "articles": in_articles[key],
            "mentions": count,
        }
        for key, count in mentions.items()
    ]
    columns = ["entity", "type", "country", "country_name", "role", "articles", "mentions"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(
        ["articles", "mentions", "entity"], ascending=[False, False, True], ignore_index=True
    )


def time_frame(article: Article) -> pd.DataFrame:
    """One row per time expression: its words, TIMEX3 type and value, and its anchor."""
    rows = [
        {
            "text": t.text,
            "type": t.type,
            "value": t.value,
            "anchor": t.anchor,
            "meaning": time_words(t.value),
            "start_char": t.start_char,
            "end_char": t.end_char,
        }
        for t in sorted(article.time_expressions, key=lambda t: t.start_char)
    ]
    return pd.DataFrame(rows, columns=["text", "type", "value", "anchor", "meaning", "start_char",
                                       "end_char"])


def _party(article: Article, entity_id: str | None, text: str | None) -> str | None:
    ent = article.entity(entity_id)
    if ent is not None:
        return ent.canonical
    return text or None


# The same few date values, countries and holders recur over a corpus' thousands of rows.
@lru_cache(maxsize=8192)
def _timestamp(value: str | None) -> tuple[pd.Timestamp | None, str | None]:
    return timex_to_timestamp(value)


@lru_cache(maxsize=1024)
def _group(country: str | None) -> str:
    return country_label(country) if country else "no country"


@lru_cache(maxsize=4096)
def _holder_label(holder: str) -> str:
    return holder_label(holder)


@lru_cache(maxsize=4096)
def _holder_country(holder: str) -> str | None:
    return holder_country(holder)


def _event_values(
    article_id: str, article: str, published: dt.date | None, event_id: str,
    date: str | None, date_source: str | None, actor: str | None, actor_country: str | None,
    kind: str, negated: bool, target: str | None, target_country: str | None,
    polarity: float, trigger: str, sentence: str, speaker: str | None, modality: str,
) -> tuple[object, ...]:
    """One row of ``events_frame`` (``EVENT_COLUMNS``) from plain values (``actor``,
    ``target`` and ``speaker`` are names): the one place both an ``Article`` and the
    store's projection go through."""
    when, precision = _timestamp(date)
    verb = ("not " if negated else "") + kind
    summary = f"{actor or '?'} {verb} {target or '?'}"
    if modality != "happened":
        summary += f" ({modality})"
    if speaker is not None and speaker != actor:
        summary += f" (according to {speaker})"
    background = bool(when is not None and published is not None
                      and (published - when.date()).days >= BACKGROUND_DAYS)
    return (article_id, article, published, event_id, date, when, precision, date_source,
            actor, actor_country, _group(actor_country), kind, negated, target,
            target_country, float(polarity), tone(polarity), trigger,
            " ".join(sentence.split()), speaker, summary, modality, background)


def _event_row(article: Article, event: Event) -> tuple[object, ...]:
    speaker = article.entity(event.speaker)
    return _event_values(
        article.id, _title(article), article.published, event.id, event.date,
        event.date_source, _party(article, event.actor, event.actor_text),
        event.actor_country, event.type, event.negated,
        _party(article, event.target, event.target_text), event.target_country,
        event.polarity, event.trigger.text, event.sentence.text,
        speaker.canonical if speaker else None, event.modality,
    )


def events_frame(articles: Articles) -> pd.DataFrame:
    """One row per event: who did what to whom, when (placed on a time axis), and where from.

    ``when`` is the start of the event's date as a timestamp (NaT when the date has no
    position on a calendar); ``actor_group`` is the actor's country for grouping;
    ``background`` is True for an event dated ``BACKGROUND_DAYS`` or more before its
    article's publication; ``modality`` says whether it happened, is planned, conditional
    or denied.
    """
    return _events_of([_event_row(a, ev) for a in _as_list(articles) for ev in a.events])


def _events_of(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame["when"] = pd.to_datetime(frame["when"])
    return frame


def timeline_events(events: pd.DataFrame, *, background: bool = False,
                    all_modalities: bool = False) -> pd.DataFrame:
    """The events a timeline draws: by default current events that happened.

    Args:
        events: ``events_frame`` output.
        background: keep background events (dated long before publication).
        all_modalities: keep planned, conditional and denied events.
    """
    if events.empty:
        return events
    keep = pd.Series(True, index=events.index)
    if not background:
        keep &= ~events["background"].astype(bool)
    if not all_modalities:
        keep &= ~events["modality"].isin(NOT_HAPPENED)
    return events[keep]


def timeline_window(
    events: pd.DataFrame,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The default date range of a timeline: where the current events are.

    A given ``start``/``end`` (the Corpus date filter) wins. Otherwise the range runs over
    the dated events that are not background (all dated events when every one is), over
    their ``WINDOW_QUANTILES`` when there are ``WINDOW_MIN_EVENTS`` or more, so one old
    "in 2006" or a mis-resolved year does not stretch the axis; it is padded by a twentieth
    of its length and at least three days. None when no event is dated.
    """
    dated = events[events["when"].notna()] if not events.empty else events
    if dated.empty and not (start and end):
        return None
    if not dated.empty:
        current = dated[~dated["background"].astype(bool)]
        when = (current if not current.empty else dated)["when"]
        ordered = when.sort_values(ignore_index=True)
        if len(ordered) >= WINDOW_MIN_EVENTS:
            # Nearest ranks inward, not interpolation: a point between 1891 and 2019 would
            # still stretch the axis.
            last = len(ordered) - 1
            lo = ordered[math.ceil(WINDOW_QUANTILES[0] * last)]
            hi = ordered[math.floor(WINDOW_QUANTILES[1] * last)]
        else:
            lo, hi = ordered.iloc[0], ordered.iloc[-1]
        lo, hi = pd.Timestamp(lo).floor("D"), pd.Timestamp(hi).floor("D")
    if start:
        lo = pd.Timestamp(start)
    if end:
        hi = pd.Timestamp(end)
    pad = max(pd.Timedelta(days=3), (hi - lo) / 20)
    return lo - pad, hi + pad + pd.Timedelta(days=1)


def stances_frame(articles: Articles) -> pd.DataFrame:
    """One row per stance per article, with the holder's label and country."""
    return pd.DataFrame([row for article in _as_list(articles) for row in _stance_rows(article)],
                        columns=STANCE_COLUMNS)


def _stance_rows(article: Article) -> list[tuple[object, ...]]:
    return [_stance_values(article.id, _title(article), article.published, stance.holder,
                           stance.target, stance.target_key, stance.target_country,
                           stance.polarity, stance.score, len(stance.evidence), stance.current)
            for stance in article.stances]


def _stance_values(article_id: str, article: str, published: dt.date | None, holder: str,
                   target: str, target_key: str | None, target_country: str | None,
                   polarity: str, score: float, evidence: int, current: bool
                   ) -> tuple[object, ...]:
    """One row of ``stances_frame`` (``STANCE_COLUMNS``) from plain values (``evidence``:
    how many pieces). Older analyses have no canonical target key: the target's name stands
    in for it. The weight is ``stance_weight``."""
    return (article_id, article, published, holder, _holder_label(holder),
            _holder_country(holder), target, target_key or target, target_country, polarity,
            float(score), evidence, bool(current), stance_weight(evidence, bool(current)))


def target_labels(stances: pd.DataFrame) -> dict[str, str]:
    """A display name per canonical target key, unique: the name used most for it, with
    the key added where two keys would show the same name (``target_names``)."""
    if stances.empty:
        return {}
    return target_names(zip(stances["target_key"], stances["target"], strict=True))


_CARRIED = ("holder", "holder_label", "holder_country", "target_key", "target_country",
            "polarity")


def stance_summary(stances: pd.DataFrame, *, background: bool = False) -> pd.DataFrame:
    """Collapse stance rows to one per (holder, canonical target): ``summarise_stances`` as
    a frame, with the holder's label, country and whether it is a state, sorted by holder
    label and target.

    Stances towards one referent ("Iran", "Iranian", "Tehran": ``IRN``) add up under its
    ``target_key``; ``target`` is its display name. The score is the mean of the article
    scores weighted by their evidence (a background stance at ``BACKGROUND_WEIGHT``); the
    polarity is the one every article agrees on, else ``mixed``. ``stances`` counts the
    stances aggregated, ``background`` how many of them are background only.

    Args:
        stances: ``stances_frame`` output.
        background: include background stances (``current`` False); left out by default.
    """
    rows = [] if stances.empty else summarise_stances(
        stances[list(StanceRow._fields)].itertuples(index=False), background=background)
    if not rows:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    summary = pd.DataFrame(rows)
    summary["holder_label"] = summary["holder"].map(_holder_label)
    summary["holder_country"] = summary["holder"].map(_holder_country)
    summary["state"] = summary["holder"].map(is_state)
    # The columns carried over keep the stance rows' types (a column with no value left,
    # as no country, stays the same string column).
    summary = summary.astype({column: stances[column].dtype for column in _CARRIED})
    summary = summary.sort_values(["holder_label", "target"], ignore_index=True)
    return summary[SUMMARY_COLUMNS]


def evidence_frame(articles: Articles, holder: str, target: str, *,
                   background: bool = True) -> pd.DataFrame:
    """The events and learned relations behind ``holder``'s stance towards ``target`` (a
    canonical target key), with their sentences; ``background`` False leaves out background
    stances."""
    columns = ["sentence", "actor", "type", "negated", "target", "date", "polarity", "article",
               "published"]
    rows = []
    for article in _as_list(articles):
        labels = {st.target_key or st.target: st.target for st in article.stances}
        wanted: set[str] = set()
        for stance in article.stances:
            if (stance.holder == holder and (stance.target_key or stance.target) == target
                    and (background or stance.current)):
                wanted.update(stance.evidence)
        for event in article.events:
            if event.id in wanted:
                row = dict(zip(EVENT_COLUMNS, _event_row(article, event), strict=True))
                rows.append({key: row[key] for key in columns})
        for rel in article.relations:
            if rel.id in wanted:
                # A relation the learned model read in a sentence: no event type, no date.
                source, target_ent = article.entity(rel.source), article.entity(rel.target)
                # An analyst's added stance names its holder and target by key, not entity.
                by_analyst = rel.found_by == ANALYST
                finder = {"model": "model", ANALYST: "added by an analyst"}.get(rel.found_by,
                                                                                "rule")
                rows.append({
                    "sentence": " ".join(rel.sentence.text.split()),
                    "actor": source.canonical if source else (
                        holder_label(rel.source) if by_analyst else None),
                    "type": f"{rel.polarity} ({finder})",
                    "negated": False,
                    "target": target_ent.canonical if target_ent else (
                        labels.get(rel.target, rel.target) if by_analyst else None),
                    "date": None,
                    "polarity": rel.score if rel.polarity == "positive" else -rel.score,
                    "article": _title(article),
                    "published": article.published,
                })
    return pd.DataFrame(rows, columns=columns)


def stance_by_month(articles: Articles, *, background: bool = False) -> pd.DataFrame:
    """Stance per (holder, canonical target) per month of publication, for stance over time.

    Articles without a publication date are left out: they have no place on the axis.
    ``target`` is the target's display name, ``articles`` how many articles hold the stance
    that month; background stances count (at lower weight) only when ``background``.
    """
    return monthly_stances(stances_frame(articles), background=background)


MONTHLY_COLUMNS = ["month", "holder", "holder_label", "target", "target_key", "score",
                   "articles", "series"]


def monthly_stances(stances: pd.DataFrame, *, background: bool = False) -> pd.DataFrame:
    """``stance_by_month`` over rows of ``stances_frame`` (all of them, or a selection)."""
    if not stances.empty:
        stances = stances[stances["published"].notna()]
    if not background and not stances.empty:
        stances = stances[stances["current"].astype(bool)]
    if stances.empty:
        return pd.DataFrame(columns=MONTHLY_COLUMNS)
    labels = target_labels(stances)
    stances = stances.assign(
        month=pd.to_datetime(stances["published"]).dt.to_period("M").dt.to_timestamp(),
        product=stances["score"] * stances["weight"],
    )
    grouped = stances.groupby(["month", "holder", "target_key"], sort=True)
    monthly = grouped.agg(
        holder_label=("holder_label", "first"),
        product=("product", "sum"),
        weight=("weight", "sum"),
        articles=("article_id", "nunique"),
    ).reset_index()
    monthly["score"] = monthly["product"] / monthly["weight"]
    monthly["target"] = monthly["target_key"].map(labels)
    monthly["series"] = monthly["holder_label"] + " → " + monthly["target"]
    return monthly[MONTHLY_COLUMNS]


def trend_targets(monthly: pd.DataFrame) -> dict[str, str]:
    """Canonical targets of ``stance_by_month`` output with a label naming their counts,
    those followed over the most months (then in the most articles) first."""
    if monthly.empty:
        return {}
    spread = monthly.groupby("target_key").agg(
        target=("target", "first"), months=("month", "nunique"), articles=("articles", "sum"))
    spread = spread.sort_values(["months", "articles", "target"],
                                ascending=[False, False, True])
    return {key: f"{row.target} ({row.months} month(s), {row.articles} article(s))"
            for key, row in spread.iterrows()}


def clip_range(value: object, first: dt.date | None, last: dt.date | None
               ) -> tuple[dt.date, dt.date] | None:
    """A (start, end) date range clipped to ``first``..``last``; None when it is not a
    range of dates or lies wholly outside."""
    if not (isinstance(value, tuple | list) and len(value) == 2
            and all(isinstance(v, dt.date) for v in value) and first and last):
        return None
    start, end = max(value[0], first), min(value[1], last)
    return (start, end) if start <= end else None


ARTICLE_COLUMNS = ["published", "inferred", "title", "words", "entities", "events", "stances",
                   "id"]


def articles_frame(articles: Articles, *, by_date: bool = True) -> pd.DataFrame:
    """One row per article: date, title and how much was found in it; newest first, or in
    the order given (a search's best match first) when not ``by_date``."""
    frame = pd.DataFrame([
        _article_values(a.id, a.title, a.published, a.published_inferred, len(a.text.split()),
                        len(a.entities), len(a.events), len(a.stances))
        for a in _as_list(articles)
    ], columns=ARTICLE_COLUMNS)
    return by_date_first(frame) if by_date else frame


def by_date_first(listing: pd.DataFrame) -> pd.DataFrame:
    """An ``articles_frame`` newest first (undated last)."""
    return listing.sort_values("published", ascending=False, na_position="last",
                               ignore_index=True)


def _article_values(article_id: str, title: str | None, published: dt.date | None,
                    inferred: bool, words: int, entities: int, events: int, stances: int
                    ) -> dict[str, object]:
    return {"published": published, "inferred": inferred,
            "title": title or f"article {article_id[:8]}", "words": words,
            "entities": entities, "events": events, "stances": stances, "id": article_id}


@dataclass(frozen=True)
class CorpusFrames:
    """What the Corpus page shows of a set of articles, as frames (shared between runs: not
    to be changed in place).

    ``listing`` is ``articles_frame`` in the order of the articles given; ``events``,
    ``stances`` and ``entities`` are ``events_frame``, ``stances_frame`` and
    ``corpus_entities_frame``; ``mentions`` counts the entities of each article added up;
    ``text_keys`` are the keys of the texts (``extraction.corrections.text_key``).
    """

    listing: pd.DataFrame
    events: pd.DataFrame
    stances: pd.DataFrame
    entities: pd.DataFrame
    entity_count: int
    text_keys: frozenset[str]


def corpus_frames(articles: Articles) -> CorpusFrames:
    """``CorpusFrames`` of articles read whole."""
    listed = _as_list(articles)
    return CorpusFrames(
        listing=articles_frame(listed, by_date=False), events=events_frame(listed),
        stances=stances_frame(listed), entities=corpus_entities_frame(listed),
        entity_count=sum(len(a.entities) for a in listed),
        text_keys=frozenset(text_key(a.text) for a in listed),
    )


def projected_frames(rows: dict[str, list[tuple]], order: Sequence[str],
                     corrected: Sequence[Article] = ()) -> CorpusFrames:
    """``CorpusFrames`` from the store's light projection (``Store.corpus_rows``), equal to
    ``corpus_frames`` of the same articles read whole.

    Args:
        rows: ``Store.corpus_rows(order)``.
        order: the article ids, in the order the frames list them.
        corrected: the articles the projection marks as corrected, read whole with their
            corrections applied; their rows replace the projected ones.
    """
    whole = {a.id: a for a in corrected}
    heads = {}
    listing: dict[str, dict[str, object]] = {}
    for aid, title, published, inferred, words, n_ent, n_ev, n_st, _, _ in rows["articles"]:
        day = dt.date.fromisoformat(published) if published else None
        heads[aid] = (title or f"article {aid[:8]}", day)
        listing[aid] = _article_values(aid, title, day, bool(inferred), words, n_ent, n_ev,
                                       n_st)
    # Rows as stored (by article id); put in the order asked for at the end, each article's
    # own in their order (a stable sort).
    events = [_event_values(r[0], *heads[r[0]], *r[1:7], bool(r[7]), *r[8:])
              for r in rows["events"] if r[0] not in whole]
    stances = [_stance_values(r[0], *heads[r[0]], *r[1:]) for r in rows["stances"]
               if r[0] not in whole]
    entities = [r for r in rows["entities"] if r[0] not in whole]
    counts = {aid: row["entities"] for aid, row in listing.items()}
    for aid, article in whole.items():
        # The corrections may have merged, split or removed what the projection counted.
        listing[aid] = _article_values(aid, article.title, article.published,
                                       article.published_inferred, listing[aid]["words"],
                                       len(article.entities), len(article.events),
                                       len(article.stances))
        counts[aid] = len(article.entities)
        events.extend(_event_row(article, ev) for ev in article.events)
        stances.extend(_stance_rows(article))
        entities.extend((aid, e.canonical, e.label, e.country, e.role, len(e.mentions))
                        for e in article.entities)
    ids = [aid for aid in order if aid in listing]
    position = {aid: i for i, aid in enumerate(ids)}

    def ordered(found: list[tuple]) -> list[tuple]:
        return sorted(found, key=lambda r: position[r[0]])

    return CorpusFrames(
        listing=pd.DataFrame([listing[aid] for aid in ids], columns=ARTICLE_COLUMNS),
        events=_events_of(ordered(events)),
        stances=pd.DataFrame(ordered(stances), columns=STANCE_COLUMNS),
        entities=_entity_totals(r[1:] for r in ordered(entities)),
        entity_count=sum(counts[aid] for aid in ids),
        text_keys=frozenset(r[8] for r in rows["articles"] if r[8]),
    )


def article_countries(articles: Articles) -> list[str]:
    """The ISO-3 codes of every country an entity, event or stance in the articles ties to."""
    codes: set[str] = set()
    for article in _as_list(articles):
        codes.update(e.country for e in article.entities if e.country)
        for ev in article.events:
            codes.update(c for c in (ev.actor_country, ev.target_country) if c)
        for st in article.stances:
            codes.update(c for c in (holder_country(st.holder), st.target_country) if c)
    return sorted(codes, key=country_name)


CORRECTION_COLUMNS = ["id", "made_at", "article_id", "kind", "item", "label", "before", "after",
                      "undone_at", "text_key"]


def corrections_frame(corrections: Iterable[Correction]) -> pd.DataFrame:
    """One row per analyst's correction, oldest first; ``before`` and ``after`` as JSON text
    (an added stance's ``after`` is an object)."""
    rows = [
        {**{k: v for k, v in c.to_dict().items() if k in CORRECTION_COLUMNS},
         "before": json.dumps(c.before, ensure_ascii=False),
         "after": json.dumps(c.after, ensure_ascii=False)}
        for c in corrections
    ]
    return pd.DataFrame(rows, columns=CORRECTION_COLUMNS)


def csv_text(frame: pd.DataFrame) -> str:
    """The frame as CSV text for a download, with formula-like text cells neutralised.

    Only text cells change (``extraction.store.csv_safe``): a column of numbers keeps its
    negative values as numbers, and JSON downloads keep the raw text.
    """
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(csv_safe)
    safe.columns = [csv_safe(str(c)) for c in safe.columns]
    return safe.to_csv(index=False)
