"""Chart builders are pure: DataFrames in, plotly figures out, tested without Streamlit."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts, frames

from .articles import HOSTILE


def _summary(article):
    return frames.stance_summary(frames.stances_frame(article))


def test_charts_timeline_groups_by_actor_country_and_tone(article):
    fig = charts.timeline_figure(frames.events_frame(article))
    names = {trace.name for trace in fig.data}
    # The 2018 event is background (a year before publication): its shape is in the legend.
    assert names == {"cooperation", "conflict", "neutral", "background (faint)"}
    conflict = next(t for t in fig.data if t.name == "conflict")
    rows = dict(zip(fig.layout.yaxis.ticktext, fig.layout.yaxis.tickvals, strict=True))
    assert [round(y) for y in conflict.y] == [rows["Venezuela (VEN)"]]
    assert conflict.customdata[0][1] == "Venezuela (VEN)"
    assert conflict.marker.color == charts.TONE_COLORS["conflict"]
    assert "Nicolás Maduro ACCUSE United States" in conflict.hovertext[0]
    assert "Maduro blamed Washington in January." in conflict.hovertext[0]
    # The undated event (PAST_REF) is not drawn: five of six events are on the axis.
    assert sum(len(t.x) for t in fig.data if t.name in charts.TONE_COLORS) == 5
    assert fig.layout.xaxis.type == "date"


def test_charts_timeline_fans_out_events_on_the_same_day(article):
    same_day = [dataclasses.replace(article.events[0], id=f"x{i}") for i in range(3)]
    fig = charts.timeline_figure(frames.events_frame(dataclasses.replace(article,
                                                                         events=tuple(same_day))))
    ys = sorted(fig.data[0].y)
    assert len(set(ys)) == 3 and ys[1] == 0 and max(abs(y) for y in ys) < 0.5


def test_charts_hover_text_is_escaped(article):
    fig = charts.timeline_figure(frames.events_frame(article))
    spec = fig.to_json()
    assert "<script>" not in spec and "<img" not in spec
    neutral = next(t for t in fig.data if t.name == "neutral")
    assert "&lt;script&gt;" in neutral.hovertext[0]


def test_charts_heatmap_is_diverging_and_complete(article):
    summary = _summary(article)
    fig = charts.stance_heatmap(summary)
    heat = fig.data[0]
    assert isinstance(heat, go.Heatmap)
    assert (heat.zmin, heat.zmax, heat.zmid) == (-1, 1, 0)
    assert len(heat.y) == summary["holder"].nunique()
    assert len(heat.x) == summary["target"].nunique()
    cells = {(row[i][0], row[i][1]): heat.z[r][i]
             for r, row in enumerate(heat.customdata) for i in range(len(row))}
    assert cells[("USA", "Juan Guaidó")] == 0.8
    assert cells[("VEN", "United States")] == -0.6
    assert cells[("USA", "Nicolás Maduro")] is None
    # The click layer has one point per filled cell, carrying the same stance.
    layer = fig.data[1]
    assert len(layer.x) == len(summary)
    clicked = {(c[0], c[1]) for c in layer.customdata}
    assert clicked == set(zip(summary["holder"], summary["target"], strict=True))


def test_charts_heatmap_keeps_the_targets_with_most_evidence(article):
    fig = charts.stance_heatmap(_summary(article), max_targets=1)
    heat = fig.data[0]
    # Maduro has two pieces of evidence (military, Bolivia); the others one each.
    assert list(heat.x) == ["Nicolás Maduro"]
    assert set(heat.y) == {"Bolivia", "Venezuela (military)"}


def test_charts_bars_for_one_target(article):
    fig = charts.stance_bars(_summary(article), "Nicolás Maduro")
    bars = fig.data[0]
    assert set(bars.y) == {"Venezuela (military)", "Bolivia"}
    assert [c[0] for c in bars.customdata] == ["military:VEN", "BOL"]
    assert (bars.marker.cmin, bars.marker.cmax) == (-1, 1)


def test_charts_world_map_scores_states_and_marks_the_target(article):
    fig = charts.stance_world_map(_summary(article), "Nicolás Maduro")
    scored = next(t for t in fig.data if t.name == "stance")
    assert list(scored.customdata) == ["BOL"]
    assert list(scored.z) == [0.6]
    # Shapes come inline as GeoJSON; nothing makes plotly.js fetch country shapes.
    assert scored.locationmode == "geojson-id" and isinstance(scored.geojson, dict)
    assert fig.layout.geo.visible is False
    assert fig.layout.title.text.endswith("stance towards Nicolás Maduro")
    # Maduro is Venezuela's: his country is the one outlined.
    outline = next(t for t in fig.data if t.name == "target")
    assert list(outline.locations) == ["VEN"]


def test_charts_stance_over_time(article):
    later = dataclasses.replace(article, id="a2", published=article.published.replace(month=5))
    fig = charts.stance_over_time(frames.stance_by_month([article, later]),
                                  target="Nicolás Maduro")
    assert {t.name for t in fig.data} == {"Bolivia → Nicolás Maduro",
                                          "Venezuela (military) → Nicolás Maduro"}
    assert all(len(t.x) == 2 for t in fig.data)
    assert tuple(fig.layout.yaxis.range) == (-1.05, 1.05)
    one_month = charts.stance_over_time(frames.stance_by_month([article]))
    start, end = (pd.Timestamp(v) for v in one_month.layout.xaxis.range)
    assert (end - start).days == 32
    # One tick a month, so no month label is written twice.
    assert one_month.layout.xaxis.dtick == "M1"


def test_charts_empty_inputs_say_so(article):
    bare = dataclasses.replace(article, events=(), stances=())
    for fig in (
        charts.timeline_figure(frames.events_frame(bare)),
        charts.stance_heatmap(_summary(bare)),
        charts.stance_bars(_summary(bare), "anyone"),
        charts.stance_over_time(frames.stance_by_month([bare])),
    ):
        assert not fig.data
        assert fig.layout.annotations[0].text.startswith("No ")
    world = charts.stance_world_map(_summary(bare), "anyone")
    assert "stance" not in {t.name for t in world.data}
    assert world.layout.annotations[0].text.startswith("No ")


def test_charts_labels_from_article_text_are_escaped(article):
    stance = dataclasses.replace(article.stances[0], holder=f"group:{HOSTILE}", target=HOSTILE)
    summary = _summary(dataclasses.replace(article, stances=(stance,)))
    for fig in (charts.stance_heatmap(summary), charts.stance_bars(summary, HOSTILE)):
        spec = json.loads(fig.to_json())
        text = json.dumps({k: v for k, v in spec["data"][0].items() if k != "customdata"})
        assert "<script>" not in text and "<img" not in text


def test_charts_module_does_not_import_streamlit():
    code = "import dashboard.charts, dashboard.frames, sys; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text", ["word " * 100, "x" * 600, "<b>bold</b> " * 60])
def test_charts_hover_sentences_wrap_in_at_most_six_lines(text):
    lines = charts._wrapped(text).split("<br>")
    assert len(lines) == 6
    assert all(len(line) <= 80 + 6 * line.count("&") for line in lines)
    assert lines[-1].endswith(" …")
    assert "<b>" not in "".join(lines)
    assert charts._wrapped("A short one.") == "A short one."
