"""Events as pandas frames, and what the timeline draws of them.

One row per event (``EVENT_COLUMNS``), made by one function (``event_values``) from an
``Article`` or from the store's light projection; the events a timeline draws and its
default window. Also what every frame module shares: ``Articles`` (one article or a
sequence), ``as_list`` and ``display_title``. Nothing here imports Streamlit;
``dashboard.frames`` re-exports the public names.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from extraction.model import Article, Event
from extraction.temporal.periods import PRECISIONS, period_start

from .names import country_label

#: One article or a sequence of them: what every frame function takes.
Articles = Article | Sequence[Article]

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

EVENT_COLUMNS = [
    "article_id", "article", "published", "event_id", "date", "when", "precision",
    "date_source", "actor", "actor_country", "actor_group", "type", "negated", "target",
    "target_country", "polarity", "tone", "trigger", "sentence", "speaker", "summary",
    "modality", "background",
]


def as_list(articles: Articles) -> list[Article]:
    """One article or a sequence of them, as a list."""
    return [articles] if isinstance(articles, Article) else list(articles)


def display_title(article: Article) -> str:
    """The article's title, or ``article`` and the start of its id when it has none."""
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


def event_values(
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


def event_row(article: Article, event: Event) -> tuple[object, ...]:
    """One row of ``events_frame`` for an event of an article (``event_values``)."""
    speaker = article.entity(event.speaker)
    return event_values(
        article.id, display_title(article), article.published, event.id, event.date,
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
    return events_of([event_row(a, ev) for a in as_list(articles) for ev in a.events])


def events_of(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    """``events_frame`` of rows made by ``event_values``."""
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
