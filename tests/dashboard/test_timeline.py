"""Readable timelines: the default window fits the current events, background and
not-happened events are apart, the Corpus window follows the date filter."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from dashboard import charts, frames

from .articles import build_article


def _week_and_2006():
    """A week's events reported on 2020-01-10, and one 'in 2006'."""
    article = build_article(published=dt.date(2020, 1, 10))
    base = article.events[0]
    events = [dataclasses.replace(base, id=f"w{i}", date=f"2020-01-0{i + 3}") for i in range(7)]
    events.append(dataclasses.replace(base, id="old", date="2006"))
    events.append(dataclasses.replace(base, id="plan", date="2020-01-20", modality="planned"))
    return dataclasses.replace(article, events=tuple(events))


def test_timeline_events_frame_marks_background_and_modality():
    events = frames.events_frame(_week_and_2006()).set_index("event_id")
    assert bool(events.loc["old", "background"]) and not events.loc["w0", "background"]
    assert events.loc["plan", "modality"] == "planned"
    assert events.loc["plan", "summary"].endswith("(planned)")


def test_timeline_window_ignores_one_old_date():
    events = frames.events_frame(_week_and_2006())
    lo, hi = frames.timeline_window(events)
    assert lo >= pd.Timestamp("2019-12-20") and hi <= pd.Timestamp("2020-02-01")
    assert lo <= pd.Timestamp("2020-01-03") and hi >= pd.Timestamp("2020-01-20")


def test_timeline_default_draws_current_happened_events_only():
    events = frames.events_frame(_week_and_2006())
    drawn = frames.timeline_events(events)
    assert set(drawn["event_id"]) == {f"w{i}" for i in range(7)}
    everything = frames.timeline_events(events, background=True, all_modalities=True)
    assert len(everything) == len(events)


def test_timeline_window_uses_quantiles_on_many_events():
    when = pd.to_datetime(["2019-06-01"] * 40 + ["1891-01-01", "2033-01-01"])
    events = pd.DataFrame({"when": when, "background": False})
    lo, hi = frames.timeline_window(events)
    assert lo.year == 2019 and hi.year == 2019


def test_timeline_window_follows_a_date_filter():
    events = frames.events_frame(_week_and_2006())
    lo, hi = frames.timeline_window(events, start=dt.date(2019, 1, 1), end=dt.date(2020, 12, 31))
    assert lo < pd.Timestamp("2019-01-01") < pd.Timestamp("2020-12-31") < hi
    assert (hi - lo).days < 820


def test_timeline_window_none_without_dates():
    assert frames.timeline_window(frames.events_frame(build_article(text=None)).iloc[0:0]) \
        is None


def test_timeline_figure_sets_the_window_and_draws_modalities_apart():
    events = frames.events_frame(_week_and_2006())
    drawn = frames.timeline_events(events, background=True, all_modalities=True)
    window = frames.timeline_window(drawn)
    fig = charts.timeline_figure(drawn, window=window)
    assert tuple(pd.Timestamp(x) for x in fig.layout.xaxis.range) == window
    symbols = [s for t in fig.data if t.name in charts.TONE_COLORS for s in t.marker.symbol]
    assert "circle-open" in symbols and "circle-dot" in symbols
    names = {t.name for t in fig.data}
    assert {"planned, not yet happened", "background (faint)"} <= names
    planned = next(t for t in fig.data if t.name == "cooperation")
    assert any("planned, not yet happened" in h for h in planned.hovertext)
