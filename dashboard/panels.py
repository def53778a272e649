"""The sections both pages draw: highlighted text, entity table, timeline, stance and evidence.

Each function takes frames (or articles) and a ``prefix`` naming the page, so widget keys are
``<prefix>_<widget>`` and stay stable across reruns. Article text is only ever shown through
``st.html`` as displaCy escaped it (``dashboard.highlight``), through dataframes, or as plain text;
anything from an article that goes into Markdown (titles, messages naming a file) passes
through ``md_escape`` first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from extraction.model import Article

from . import charts, frames, highlight
from .names import country_label, label_words

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'^%])")


def md_escape(text: object) -> str:
    """Make text inert in Streamlit Markdown (links, emphasis, HTML, colour directives)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def error(message: object) -> None:
    """Show a user-facing error; its text (which may quote a file name) is kept inert."""
    st.error(md_escape(message), icon="⚠️")


def corpus_total_or_stop(total: int) -> int:
    """Return ``total``; on an empty corpus, say how to fill it and stop the page."""
    if total == 0:
        st.info("The corpus is empty: analyse an article on the Analyze page, or run "
                "`newslens ingest FOLDER` to add a collection.")
        st.stop()
    return total


# --- text ------------------------------------------------------------------------------

def text_section(article: Article, prefix: str) -> None:
    """The article with entities and time expressions highlighted, filterable."""
    labels = sorted({e.label for e in article.entities}
                    | {t.type for t in article.time_expressions})
    countries = sorted({e.country or "" for e in article.entities},
                       key=lambda c: (c == "", country_label(c)))
    for key, options in ((f"{prefix}_types", labels), (f"{prefix}_countries", countries)):
        # Choices made for another article that this one lacks would be invalid options.
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in options]
    left, right = st.columns(2)
    chosen_labels = left.multiselect(
        "Entity types", labels, key=f"{prefix}_types", placeholder="all types",
        format_func=label_words,
        help="Show only these types; time expressions are DATE, TIME, DURATION and SET.",
    )
    chosen_countries = right.multiselect(
        "Countries", countries, key=f"{prefix}_countries", placeholder="all countries",
        format_func=lambda c: country_label(c) if c else "no country",
        help="Show only entities tied to these countries (hides time expressions).",
    )
    if not article.entities and not article.time_expressions:
        st.info("No entities or time expressions were found in this text; it is shown "
                "unmarked.")
    marks = highlight.spans(article, labels=chosen_labels, countries=chosen_countries)
    shown = {m.label for m in marks}
    if shown:
        st.html(highlight.legend(shown))
    st.caption("Hover over a highlighted name to see who it is and which country it is tied to.")
    st.html(highlight.render(article.text, marks))


# --- entities --------------------------------------------------------------------------

def entities_section(entities: pd.DataFrame, *, corpus: bool = False) -> None:
    """The entity table: canonical name, type, country, role, mentions (and articles)."""
    if entities.empty:
        st.info("No people, organisations or places were found: the text names none that "
                "newslens recognises.")
        return
    if "kind" not in entities:
        entities = entities.assign(kind=entities["type"].map(label_words))
    columns = ["entity", "kind", "country_name", "country", "role"]
    columns += ["articles", "mentions"] if corpus else ["mentions"]
    st.dataframe(
        entities[columns],
        hide_index=True,
        width="stretch",
        column_config={
            "entity": st.column_config.TextColumn("entity", width="medium"),
            "kind": st.column_config.TextColumn("type"),
            "country_name": st.column_config.TextColumn("country"),
            "country": st.column_config.TextColumn("ISO-3", width="small"),
            "mentions": st.column_config.NumberColumn("mentions", format="%d"),
        },
    )


# --- timeline --------------------------------------------------------------------------

def timeline_section(events: pd.DataFrame, prefix: str, times: pd.DataFrame | None = None,
                     *, start: Any = None, end: Any = None) -> None:
    """The events on a date axis by actor country, the event list and the time expressions.

    The axis first shows where the current events are (``frames.timeline_window``), or the
    ``start``..``end`` date filter when given; background events and events that did not
    happen (planned, conditional, denied) are drawn only when their toggles are on.
    """
    if events.empty:
        st.info("No events were found, so there is nothing to place on a timeline: the text "
                "reports no action (support, accusation, sanction, meeting, ...) that "
                "newslens recognises.")
    else:
        past = int(events["background"].sum())
        unreal = int(events["modality"].isin(frames.NOT_HAPPENED).sum())
        left, right = st.columns(2)
        background = left.toggle(
            f"Background events ({past})", key=f"{prefix}_timeline_background",
            disabled=not past,
            help=f"Events dated {frames.BACKGROUND_DAYS} days or more before their article's "
                 "publication: history the article recalls. Drawn faint.")
        modalities = right.toggle(
            f"Planned, conditional and denied events ({unreal})",
            key=f"{prefix}_timeline_modality", disabled=not unreal,
            help="Events that did not (or not yet) happen, drawn as hollow shapes.")
        drawn = frames.timeline_events(events, background=bool(background),
                                       all_modalities=bool(modalities))
        window = frames.timeline_window(drawn, start=start, end=end)
        st.plotly_chart(charts.timeline_figure(drawn, window=window),
                        key=f"{prefix}_timeline", width="stretch")
        undated = int(drawn["when"].isna().sum())
        notes = []
        if undated:
            notes.append(f"{undated} event(s) have no calendar date (e.g. 'in the past') and "
                         "are listed below but not drawn.")
        if window is not None:
            outside = int(((drawn["when"] < window[0]) | (drawn["when"] > window[1])).sum())
            if outside:
                notes.append(f"{outside} event(s) lie outside the dates shown: zoom out "
                             "(double-click the chart) to see them.")
        if notes:
            st.caption(" ".join(notes))
        with st.expander(f"All {len(events)} events"):
            # "checked": what an analyst confirmed (the Analyze page adds the column).
            checked = ["checked"] if "checked" in events else []
            st.dataframe(
                events[[*checked, "date", "actor", "actor_country", "type", "modality",
                        "negated", "target", "target_country", "polarity", "date_source",
                        "sentence"]],
                hide_index=True, width="stretch",
                column_config={"sentence": st.column_config.TextColumn(width="large")},
            )
    if times is None:
        return
    st.markdown("**Time expressions**, resolved against the publication date")
    if times.empty:
        st.info("No time expressions were found: the text gives no dates, days or periods.")
    else:
        st.dataframe(times[["text", "meaning", "value", "type", "anchor"]], hide_index=True,
                     width="stretch")


# --- stance ----------------------------------------------------------------------------

def _pair_label(summary: pd.DataFrame) -> Callable[[tuple[str, str]], str]:
    labels = dict(zip(summary["holder"], summary["holder_label"], strict=True))
    targets = dict(zip(summary["target_key"], summary["target"], strict=True))

    def label(pair: tuple[str, str]) -> str:
        return f"{labels.get(pair[0], pair[0])} → {targets.get(pair[1], pair[1])}"

    return label


def _selection_points(chart_key: str) -> list[dict[str, Any]]:
    event = st.session_state.get(chart_key)
    if not event:
        return []
    selection = event.get("selection") if hasattr(event, "get") else None
    return list((selection or {}).get("points") or [])


def _pick_evidence(chart_key: str, evidence_key: str, pairs: Sequence[tuple[str, str]],
                   target: str | None = None) -> Callable[[], None]:
    """A chart's on_select callback: the clicked cell, bar or country picks the evidence.

    A point's ``customdata`` is ``[holder, target, ...]``, or a bare holder code on a chart
    drawn for one ``target`` (the world map).
    """
    def callback() -> None:
        pair = pair_from_points(_selection_points(chart_key), pairs, target)
        if pair is not None:
            st.session_state[evidence_key] = pair

    return callback


def pair_from_points(points: Sequence[dict[str, Any]], pairs: Sequence[tuple[str, str]],
                     target: str | None = None) -> tuple[str, str] | None:
    """The first selected point's (holder, target) that is one of ``pairs``, else None."""
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list | tuple) and len(data) >= 2:
            pair = (str(data[0]), str(data[1]))
        elif isinstance(data, str) and target is not None:
            pair = (data, target)
        else:
            continue
        if pair in pairs:
            return pair
    return None


def stance_section(
    articles: Sequence[Article] | Callable[[str, str], Sequence[Article]],
    stances: pd.DataFrame,
    prefix: str,
    *,
    max_targets: int | None = None,
    checked: dict[str, str] | None = None,
) -> None:
    """Heatmap, bars and map of stance scores, and the sentences behind a chosen stance.

    Stances are aggregated per canonical target (``frames.stance_summary``). Background
    stances (only old evidence) are listed apart and join the charts, at lower weight, only
    when the ``<prefix>_background`` toggle is on. ``max_targets`` bounds the heatmap's
    columns (a corpus has many targets); the bars, the map and the evidence picker still
    offer every target. ``checked`` maps ``holder|target_key`` to what an analyst did
    (confirmed, added), shown in the list of all stances. ``articles`` are those the
    evidence is read from, or a function giving them for a (holder, target key), so that a
    corpus reads only the articles behind the stance chosen.
    """
    past = stances[~stances["current"].astype(bool)] if not stances.empty else stances
    background = st.toggle(
        f"Include background stances ({len(past)})", key=f"{prefix}_background",
        disabled=past.empty,
        help="A background stance rests only on evidence dated long before publication "
             f"(history the article recalls). Included, it counts "
             f"{frames.BACKGROUND_WEIGHT:g} times as much as a current one.",
    )
    summary = frames.stance_summary(stances, background=bool(background))
    if not past.empty and not background:
        with st.expander(f"Background stances, not in the charts ({len(past)})"):
            st.dataframe(
                past[["holder_label", "target", "polarity", "score", "evidence", "article"]],
                hide_index=True, width="stretch",
            )
    if summary.empty:
        st.info("No stances were found: no country, organisation or group was seen to "
                "support or oppose anyone in this text.")
        return
    pairs = [(h, t) for h, t in zip(summary["holder"], summary["target_key"], strict=True)]
    evidence_key = f"{prefix}_evidence"
    if st.session_state.get(evidence_key) not in pairs:
        # The article (or filter) changed and the earlier choice is gone. Setting the value
        # (rather than dropping it) makes Streamlit send it to the browser, whose widget
        # would otherwise keep showing the old choice.
        st.session_state[evidence_key] = pairs[0]

    heat_key = f"{prefix}_heatmap"
    st.plotly_chart(
        charts.stance_heatmap(summary, max_targets=max_targets), key=heat_key, width="stretch",
        on_select=_pick_evidence(heat_key, evidence_key, pairs), selection_mode="points",
    )
    shown = summary["target"].nunique()
    if max_targets and shown > max_targets:
        st.caption(f"The heatmap shows the {max_targets} targets with the most evidence of "
                   f"{shown}; the bars below offer every target.")
    st.caption("Click a cell or a bar to read the sentences behind that stance.")

    names = dict(zip(summary["target_key"], summary["target"], strict=True))
    # The target with the most evidence first, then the one most holders take a stance
    # on, then by name: the same analysis always opens on the same target.
    totals = summary.groupby("target_key").agg(evidence=("evidence", "sum"),
                                               holders=("holder", "nunique"))
    targets = sorted(totals.index, key=lambda t: (-totals.at[t, "evidence"],
                                                  -totals.at[t, "holders"],
                                                  str(names.get(t, t)).casefold()))
    target_key = f"{prefix}_target"
    if st.session_state.get(target_key) not in targets:
        st.session_state[target_key] = targets[0]
    target = st.selectbox("Target for the bars and the map", targets, key=target_key,
                          format_func=lambda t: names.get(t, t))
    left, right = st.columns([2, 3])
    bars_key = f"{prefix}_bars"
    with left:
        st.plotly_chart(
            charts.stance_bars(summary, target), key=bars_key, width="stretch",
            on_select=_pick_evidence(bars_key, evidence_key, pairs), selection_mode="points",
        )
    with right:
        map_key = f"{prefix}_map"
        st.plotly_chart(
            charts.stance_world_map(summary, target), key=map_key, width="stretch",
            on_select=_pick_evidence(map_key, evidence_key, pairs, target),
            selection_mode="points",
        )
        st.caption("The map shows states only; sectors such as a country's opposition or "
                   "military, organisations and groups are in the heatmap and the bars.")

    label = _pair_label(summary)
    pair = st.selectbox("Evidence for", pairs, key=evidence_key, format_func=label)
    if pair is not None:
        behind = articles(*pair) if callable(articles) else articles
        evidence = frames.evidence_frame(behind, pair[0], pair[1],
                                         background=bool(background))
        row = summary[(summary["holder"] == pair[0])
                      & (summary["target_key"] == pair[1])].iloc[0]
        st.text(f"{label(pair)}: {row['polarity']}, score {row['score']:+.2f}, "
                f"{int(row['evidence'])} piece(s) of evidence")
        if evidence.empty:
            st.info("This stance lists no evidence.")
        else:
            if len(behind) == 1 and not callable(articles):
                evidence = evidence.drop(columns=["article", "published"])
            st.dataframe(evidence, hide_index=True, width="stretch",
                         column_config={"sentence": st.column_config.TextColumn(width="large")})
    with st.expander("All stances"):
        columns = ["holder_label", "holder", "target", "target_key", "polarity", "score",
                   "evidence", "articles", "stances", "background"]
        if checked:
            summary = summary.assign(checked=(summary["holder"] + "|" + summary["target_key"])
                                     .map(checked))
            columns.insert(0, "checked")
        st.dataframe(
            summary[columns],
            hide_index=True, width="stretch",
        )
