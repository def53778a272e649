"""Pure chart builders: DataFrames from ``dashboard.frames`` in, plotly figures out.

No Streamlit here, so every figure can be built and checked in a plain unit test. Text that
comes from an article (names, sentences) is HTML-escaped before it reaches plotly: plotly
renders a few tags (``<a href>``, ``<b>``) in labels, and article text must stay inert.
Stance colours run from red (oppose, -1) through white to blue (support, +1).
"""

from __future__ import annotations

import html
import math
import re
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import get_colorscale

from . import worldmap
from .names import is_state

#: Diverging scale for stance scores, fixed at -1..+1 so colours mean the same everywhere.
STANCE_SCALE = "RdBu"
TONE_COLORS = {"cooperation": "#2166ac", "conflict": "#b2182b", "neutral": "#8c8c8c"}
_FONT = {"family": "sans-serif", "size": 13}


def esc(text: object) -> str:
    """Escape text for plotly labels; None and NaN become an em dash."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return "—"
    return _escaped(str(text))


# A corpus timeline escapes some sixty thousand labels, most of them repeated (types,
# dates, countries, titles).
@lru_cache(maxsize=65536)
def _escaped(text: str) -> str:
    return html.escape(text, quote=False)


def _esc_column(values: pd.Series) -> list[str]:
    """``esc`` of every cell of a column of text, with the column's string functions rather
    than a call per cell (a corpus timeline escapes some sixty thousand)."""
    text = values.fillna("—").astype(str)
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        text = text.str.replace(char, entity, regex=False)
    return text.tolist()


_LINE = re.compile(r".{1,80}(?:\s+|$)|\S{80}")


def _wrapped(text: object, lines: int = 6) -> str:
    """Escape and wrap long text into ``<br>``-separated lines of at most 80 characters
    for a hover box, ``lines`` at most (the last ending in " …" when cut).

    A regular expression rather than ``textwrap``: a corpus timeline wraps ten thousand
    sentences on every run, which took ``textwrap`` most of a second.
    """
    return _wrap(" ".join(str(text or "").split()), lines)


@lru_cache(maxsize=16384)
def _wrap(text: str, lines: int) -> str:
    # Several events of one sentence share its hover text.
    parts = [m.group(0).strip() for m in _LINE.finditer(text)]
    if len(parts) > lines:
        parts = parts[:lines]
        last = parts[-1]
        if len(last) > 78:
            last = last[:78].rsplit(" ", 1)[0] if " " in last[:78] else last[:78]
        parts[-1] = last + " …"
    return "<br>".join(esc(p) for p in parts)


def _empty(message: str, height: int = 220) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=esc(message), showarrow=False, x=0.5, y=0.5,
                       xref="paper", yref="paper", font={"size": 14, "color": "#666"})
    fig.update_layout(height=height, xaxis={"visible": False}, yaxis={"visible": False},
                      margin={"l": 10, "r": 10, "t": 30, "b": 10}, font=_FONT)
    return fig


#: Marker shapes by event modality: what did not (yet) happen is drawn hollow.
MODALITY_SYMBOLS = {"happened": "circle", "planned": "circle-open",
                    "conditional": "diamond-open", "denied": "square-open"}
MODALITY_WORDS = {"planned": "planned, not yet happened", "conditional": "conditional",
                  "denied": "denied"}


def _symbol(negated: bool, modality: str, background: bool) -> str:
    if negated:
        return "x"
    symbol = MODALITY_SYMBOLS.get(modality, "circle")
    # A background event that happened is a dot: the same colour, fainter (opacity below).
    return "circle-dot" if background and symbol == "circle" else symbol


def timeline_figure(
    events: pd.DataFrame,
    *,
    title: str = "Events by date",
    window: tuple[pd.Timestamp, pd.Timestamp] | None = None,
) -> go.Figure:
    """Events on a date axis, one row per actor country, coloured cooperation/conflict.

    Args:
        events: ``frames.events_frame`` output; rows whose ``when`` is NaT are left out.
        title: the figure title.
        window: the x-axis range shown first (``frames.timeline_window``); events outside
            it stay in the figure, a zoom-out away.

    Returns:
        A scatter figure with one trace per tone; planned, conditional and denied events are
        hollow shapes, background events faint, each named in the legend. Hover says who
        did what to whom, when, and quotes the sentence. ``customdata[0]`` of each point is
        the event id.
    """
    dated = events[events["when"].notna()] if not events.empty else events
    if dated.empty:
        return _empty("No dated events to place on a timeline.")
    for column, default in (("modality", "happened"), ("background", False)):
        if column not in dated:
            dated = dated.assign(**{column: default})
    order = dated.groupby("actor_group")["when"].min().sort_values().index.tolist()
    rows = {group: index for index, group in enumerate(order)}
    dated = dated.assign(row=dated["actor_group"].map(rows).to_numpy() + _spread(dated))
    traces: list[go.Scatter] = []
    for tone_name, color in TONE_COLORS.items():
        part = dated[dated["tone"] == tone_name]
        if part.empty:
            continue
        # Plain Python values (iterating Arrow-backed string columns row by row is slow),
        # escaped a column at a time.
        hover = [
            f"<b>{summary}</b><br>{kind} · polarity {polarity:+.1f}"
            f"<br>date {date} ({precision}, from {source})"
            + (f"<br>{esc(MODALITY_WORDS.get(modality, modality))}"
               if modality != "happened" else "")
            + ("<br>background: long before publication" if background else "")
            + f"<br>{article}<br><i>{_wrapped(sentence)}</i>"
            for summary, kind, date, precision, source, article, polarity, modality,
            background, sentence in zip(
                *(_esc_column(part[c]) for c in ("summary", "type", "date", "precision",
                                                 "date_source", "article")),
                *(part[c].tolist() for c in ("polarity", "modality", "background",
                                             "sentence")), strict=True)
        ]
        # Built unvalidated from numpy arrays: plotly checks a list, and even an array of
        # marker symbols, element by element, which took over a second for a corpus' ten
        # thousand events. The values are made here, of the types plotly wants.
        traces.append(go.Scatter(
            x=part["when"].to_numpy(),
            y=part["row"].to_numpy(),
            mode="markers",
            name=tone_name,
            marker={
                "color": color,
                "size": (10 + 8 * part["polarity"].abs()).to_numpy(),
                "symbol": np.array([_symbol(n, m, b) for n, m, b in zip(
                    part["negated"], part["modality"], part["background"], strict=True)],
                    dtype=object),
                "line": {"width": 1, "color": color},
                "opacity": np.where(part["background"].astype(bool), 0.4, 0.85),
            },
            customdata=part[["event_id", "actor_group"]].to_numpy(dtype=object),
            hovertext=np.array(hover, dtype=object),
            hovertemplate="%{hovertext}<extra></extra>",
            _validate=False,
        ))
    # Legend entries for the shapes, drawn once each with no data.
    shapes = [(f"{MODALITY_WORDS[m]}", MODALITY_SYMBOLS[m]) for m in MODALITY_WORDS
              if (dated["modality"] == m).any()]
    if dated["background"].astype(bool).any():
        shapes.append(("background (faint)", "circle-dot"))
    for name, symbol in shapes:
        traces.append(go.Scatter(x=[None], y=[None], mode="markers", name=name,
                                 marker={"symbol": symbol, "color": "#555", "size": 10},
                                 hoverinfo="skip"))
    xaxis: dict[str, object] = {"title": "date", "type": "date"}
    if window is not None:
        xaxis["range"] = [window[0], window[1]]
    layout = go.Layout(
        title=esc(title),
        # Rows get tighter past about 25 countries instead of the chart growing without end.
        height=min(1400, max(260, 90 + 48 * len(order))),
        xaxis=xaxis,
        yaxis={"title": "actor country", "tickmode": "array",
               "tickvals": list(range(len(order))), "ticktext": [esc(g) for g in order],
               "range": [len(order) - 0.5, -0.5], "zeroline": False},
        # Above the plot: below it, the gap would grow with the number of rows.
        legend={"orientation": "h", "x": 1, "xanchor": "right", "y": 1.0,
                "yanchor": "bottom"},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"align": "left"},
        font=_FONT,
    )
    # The layout and the legend traces were validated as they were built above.
    return go.Figure(data=traces, layout=layout, _validate=False)


def _spread(events: pd.DataFrame, step: float = 0.14) -> np.ndarray:
    """Vertical offsets that fan out events sharing an actor row and a date.

    An article often reports several things on its publication day; without this their
    markers would sit on top of each other and only the last could be hovered.
    """
    grouped = events.groupby(["actor_group", "when"], sort=False)
    index = grouped.cumcount().to_numpy()
    centre = (grouped["when"].transform("size").to_numpy() - 1) / 2
    return np.clip((index - centre) * step, -0.42, 0.42)


def stance_heatmap(
    summary: pd.DataFrame,
    *,
    title: str = "Stance: holder × target",
    max_targets: int | None = None,
) -> go.Figure:
    """A holder x target grid of stance scores on a fixed diverging -1..+1 scale.

    Args:
        summary: ``frames.stance_summary`` output.
        title: the figure title.
        max_targets: keep only the targets with the most evidence (all when None); holders
            with no stance towards a kept target are dropped with them.

    Columns are canonical targets (``target_key``), labelled with their display name; each
    cell shows the score and, in brackets, how many articles hold that stance.
    ``customdata`` of each cell is ``[holder key, target key, events, polarity, articles]``
    (events 0 and polarity "" where a holder has no stance towards that target).
    """
    if summary.empty:
        return _empty("No stances found.")
    ranked = summary.groupby("target_key")["evidence"].sum().sort_values(ascending=False)
    targets = ranked.index[:max_targets] if max_targets else ranked.index
    summary = summary[summary["target_key"].isin(targets)]
    names = dict(zip(summary["target_key"], summary["target"], strict=True))
    holders = summary.drop_duplicates("holder").sort_values("holder_label")
    cells = {(r.holder, r.target_key): r for r in summary.itertuples()}
    z, text, custom = [], [], []
    for holder in holders["holder"]:
        z_row, text_row, custom_row = [], [], []
        for target in targets:
            cell = cells.get((holder, target))
            if cell is None:
                z_row.append(None)
                text_row.append("")
                custom_row.append([holder, target, 0, "", 0])
            else:
                z_row.append(round(float(cell.score), 3))
                text_row.append(f"{cell.score:+.2f} ({int(cell.articles)})")
                custom_row.append([holder, target, int(cell.evidence), cell.polarity,
                                   int(cell.articles)])
        z.append(z_row)
        text.append(text_row)
        custom.append(custom_row)
    x_labels = [esc(names[t]) for t in targets]
    y_labels = [esc(h) for h in holders["holder_label"]]
    # Built unvalidated (see ``timeline_figure``): plotly checks every cell of a corpus'
    # hundred holders by fifteen targets, three times over; the values are made here.
    heat = go.Heatmap(
        z=z,
        x=x_labels,
        y=y_labels,
        text=text,
        texttemplate="%{text}",
        customdata=custom,
        zmin=-1,
        zmax=1,
        zmid=0,
        # Spelled out as plotly's checks would have made them.
        colorscale=get_colorscale(STANCE_SCALE),
        colorbar={"title": {"text": "score"}, "tickvals": [-1, 0, 1],
                  "ticktext": ["-1 oppose", "0", "+1 support"]},
        hoverinfo="skip",
        xgap=2,
        ygap=2,
        _validate=False,
    )
    # Streamlit's chart selection ignores clicks on heatmap cells, so an invisible marker
    # on every filled cell takes the hover and the click, carrying the cell's stance.
    filled = [(r, c) for r in range(len(y_labels)) for c in range(len(x_labels))
              if z[r][c] is not None]
    marks = go.Scatter(
        x=[x_labels[c] for _, c in filled],
        y=[y_labels[r] for r, _ in filled],
        mode="markers",
        marker={"symbol": "square", "size": 26, "opacity": 0},
        customdata=[custom[r][c] for r, c in filled],
        text=[text[r][c] for r, c in filled],
        showlegend=False,
        name="stance",
        hovertemplate=(
            "<b>%{y}</b> → <b>%{x}</b><br>%{customdata[3]} · score %{text}"
            "<br>%{customdata[2]} piece(s) of evidence in %{customdata[4]} article(s)"
            "<extra></extra>"
        ),
        _validate=False,
    )
    layout = go.Layout(
        title=esc(title),
        height=max(280, 120 + 36 * len(holders)),
        xaxis={"title": "target", "side": "bottom", "tickangle": -30,
               "tickmode": "array", "tickvals": x_labels, "ticktext": x_labels},
        yaxis={"title": "holder", "autorange": "reversed",
               "tickmode": "array", "tickvals": y_labels, "ticktext": y_labels},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        hovermode="closest",
        font=_FONT,
    )
    return go.Figure(data=[heat, marks], layout=layout, _validate=False)


def _target_name(summary: pd.DataFrame, target: str) -> str:
    names = summary.loc[summary["target_key"] == target, "target"] if not summary.empty else []
    return str(names.iloc[0]) if len(names) else target


def stance_bars(summary: pd.DataFrame, target: str) -> go.Figure:
    """One bar per holder: its stance score towards ``target`` (a canonical target key),
    coloured by the score and labelled with the number of articles.

    ``customdata`` of each bar is ``[holder key, target key, events, articles]``.
    """
    rows = summary[summary["target_key"] == target] if not summary.empty else summary
    name = _target_name(summary, target)
    if rows.empty:
        return _empty(f"No stance towards {name}.")
    rows = rows.sort_values("score")
    fig = go.Figure(
        go.Bar(
            x=rows["score"],
            y=[esc(h) for h in rows["holder_label"]],
            orientation="h",
            marker={"color": rows["score"], "colorscale": STANCE_SCALE, "cmin": -1, "cmax": 1,
                    "line": {"width": 1, "color": "#555"}},
            customdata=[[h, target, int(n), int(a)] for h, n, a in zip(
                rows["holder"], rows["evidence"], rows["articles"], strict=True)],
            text=[f"{s:+.2f} ({int(a)})" for s, a in zip(rows["score"], rows["articles"],
                                                          strict=True)],
            textposition="auto",
            hovertemplate=(
                "<b>%{y}</b> → " + esc(name) + "<br>score %{x:+.2f}"
                "<br>%{customdata[2]} piece(s) of evidence in %{customdata[3]} article(s)"
                "<extra></extra>"
            ),
        )
    )
    fig.update_layout(
        title=f"Stance towards {esc(name)} (articles in brackets)",
        height=max(240, 100 + 30 * len(rows)),
        xaxis={"title": "score (-1 oppose … +1 support)", "range": [-1.05, 1.05],
               "zeroline": True},
        yaxis={"title": None},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        font=_FONT,
    )
    return fig


def stance_world_map(summary: pd.DataFrame, target: str) -> go.Figure:
    """States' stance towards ``target`` on the world map of shipped country shapes.

    Drawn from ``dashboard.worldmap``'s GeoJSON with plotly's base layers off, so it needs no
    network. Only holders that are states are drawn: a sector (a country's opposition or
    military) is not the country's position, and international organisations have no
    territory. ``customdata`` of each coloured country is the holder's ISO-3 code. The
    target's country (the target itself, or the country a person or body belongs to) is
    outlined.
    """
    rows = summary[(summary["target_key"] == target) & summary["state"]] \
        if not summary.empty else summary
    scores = pd.DataFrame({
        "iso3": list(rows["holder"]) if not rows.empty else [],
        "score": list(rows["score"]) if not rows.empty else [],
        "label": list(rows["holder_label"]) if not rows.empty else [],
        "events": list(rows["evidence"]) if not rows.empty else [],
    })
    name = _target_name(summary, target)
    # worldmap escapes the title and labels itself.
    return worldmap.stance_world_map(
        scores, title=f"States' stance towards {name}",
        target=_target_country(summary, target), target_label=name)


def _target_country(summary: pd.DataFrame, target: str) -> str | None:
    if is_state(target):
        return target
    if summary.empty:
        return None
    codes = summary.loc[summary["target_key"] == target, "target_country"].dropna()
    codes = [c for c in codes if isinstance(c, str) and is_state(c)]
    return codes[0] if codes else None


def stance_over_time(monthly: pd.DataFrame, *, target: str | None = None) -> go.Figure:
    """Monthly stance score per holder -> target, one line each.

    Args:
        monthly: ``frames.stance_by_month`` output.
        target: draw only the lines towards this canonical target key; all when None.

    A point's size grows with the number of articles behind it, so a month read from one
    article does not look as solid as one read from twenty.
    """
    rows = monthly if target is None or monthly.empty else \
        monthly[monthly["target_key"] == target]
    if rows.empty:
        return _empty("No dated stances to follow over time.")
    # Unvalidated (see ``timeline_figure``): a corpus has a line per holder, each checked
    # point by point; the values are made here, of the types plotly wants.
    traces = [
        go.Scatter(
            x=part["month"].to_numpy(),
            y=part["score"].to_numpy(dtype=float),
            mode="lines+markers",
            name=esc(series),
            marker={"size": [6 + 3 * min(6.0, math.sqrt(n)) for n in part["articles"]]},
            customdata=[[h, t, int(n)] for h, t, n in zip(part["holder"], part["target"],
                                                            part["articles"], strict=True)],
            hovertemplate=(
                esc(series) + "<br>%{x|%B %Y}: score %{y:+.2f}"
                "<br>%{customdata[2]} article(s)<extra></extra>"
            ),
            _validate=False,
        )
        for series, part in rows.groupby("series", sort=True)
    ]
    # Pad the axis by half a month each side, so a single month is a readable span and not
    # a zoom into milliseconds.
    first = rows["month"].min() - pd.Timedelta(days=16)
    last = rows["month"].max() + pd.Timedelta(days=16)
    layout = go.Layout(
        title="Stance over time (by month of publication)",
        height=380,
        # One tick a month: plotly's automatic ticks repeat a month's label ("Feb 2019, Feb
        # 2019") when the axis spans only a few weeks.
        xaxis={"title": "month", "type": "date", "range": [first, last],
               "tickformat": "%b %Y", "dtick": "M1"},
        yaxis={"title": "score", "range": [-1.05, 1.05], "zeroline": True},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        font=_FONT,
    )
    return go.Figure(data=traces, layout=layout, _validate=False)
