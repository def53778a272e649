"""Corpus page: every stored article, filtered by date, country and source, viewed together."""

from __future__ import annotations

import functools

import streamlit as st

from dashboard import charts, correcting, frames, panels, profiles, reading, state
from dashboard.names import country_label
from extraction.store import Filters

#: The most articles drawn at once; the filters narrow a larger corpus.
CORPUS_LIMIT = 2000
#: The most search hits whose snippets (where the words are) the article list shows.
SEARCH_LIMIT = 200
#: Targets in the corpus heatmap: beyond this the columns become unreadable.
HEATMAP_TARGETS = 15

st.title("Corpus")
st.caption("Every article analysed so far (the samples, the Analyze page, `newslens ingest`), "
           "aggregated: entities, the timeline, stance and how it changes month by month.")

state.restore_view("corpus")
if "corpus_flash" in st.session_state:
    # What the last action did (a delete), shown at the top even when the corpus is empty.
    st.success(st.session_state.pop("corpus_flash"))
problem = state.store_problem()
if problem:
    st.warning(panels.md_escape(problem))
    st.info("Without the store, this page shows the articles analysed in this browser "
            "session only.")
total = panels.corpus_total_or_stop(reading.corpus_count())

first, last, countries = reading.corpus_overview()
sources = reading.corpus_sources()
# Values from a shared link or an earlier visit that this corpus cannot offer are dropped
# (a date range is clipped to the corpus), so the widgets never see an invalid value.
for key, options in (("corpus_country", countries), ("corpus_source", sources)):
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
if "corpus_dates" in st.session_state:
    kept = frames.clip_range(st.session_state["corpus_dates"], first, last)
    if kept is None:
        del st.session_state["corpus_dates"]
    else:
        st.session_state["corpus_dates"] = kept

cols = st.columns([2, 2, 2])
start = end = None
if first and last:
    chosen = cols[0].date_input(
        "Published between", value=(first, last), min_value=first, max_value=last,
        key="corpus_dates", format="YYYY-MM-DD",
    )
    if isinstance(chosen, tuple) and len(chosen) == 2 and chosen != (first, last):
        # Only a narrowed range filters, so undated articles stay in the full view.
        start, end = chosen
country = cols[1].selectbox(
    "Country", countries, index=None, key="corpus_country", placeholder="all countries",
    format_func=country_label,
    help="Articles in which an entity, event or stance is tied to this country.",
)
source = cols[2].selectbox(
    "Source", sources, index=None, key="corpus_source", placeholder="all sources",
    disabled=not sources,
)
cols = st.columns([4, 2])
query = cols[0].text_input(
    "Search the texts", key="corpus_query", placeholder="words in the title or text",
    help='Every word must occur, in any order and any case; "a phrase" in that order; '
         "word* for words starting so. The best matches come first.",
)
entity = cols[1].text_input(
    "Entity", key="corpus_entity", placeholder="a name, or part of one",
    help="Articles with a person, organisation or place whose name contains this.",
)

# Published before any early stop below, so even an empty result can be bookmarked.
state.publish_view("corpus")
view = reading.corpus_view(Filters(start=start, end=end, country=country, source=source,
                                  query=query, entity=entity, limit=CORPUS_LIMIT))
if total > CORPUS_LIMIT:
    st.caption(f"The corpus holds {total:,} articles; the {CORPUS_LIMIT:,} most recent that "
               "match the filters are shown.")
if view.listing.empty:
    st.info("No stored article matches these filters.")
    st.stop()

events, stances, entity_table = view.events, view.stances, view.entities
metrics = st.columns(4)
metrics[0].metric("Articles", len(view.listing))
metrics[1].metric("Entities", view.entity_count)
metrics[2].metric("Events", len(events))
metrics[3].metric("Stances", len(stances))

st.subheader("Articles")
searching = bool((query or "").strip() or (entity or "").strip())
listing = view.listing if searching else frames.by_date_first(view.listing)
if searching:
    hits = reading.search_hits(Filters(query=query, entity=entity, country=country,
                                     limit=SEARCH_LIMIT))
    found = {hit.id: hit.snippet for hit in hits}
    listing = listing.assign(found=listing["id"].map(found))
generation = st.session_state.setdefault("corpus_table_generation", 0)
picked = st.dataframe(
    listing.drop(columns=["id"]), hide_index=True, width="stretch",
    key=f"corpus_articles_{generation}", on_select="rerun", selection_mode="multi-row",
    column_config={"title": st.column_config.TextColumn(width="large"),
                   "found": st.column_config.TextColumn("where the words are", width="large")},
)
chosen = [listing["id"].iloc[i] for i in picked.selection.rows if i < len(listing)]
st.caption("Tick a row to open that article in Analyze (and correct it there), or tick "
           "several to delete them.")
left, middle, right = st.columns([2, 2, 3])
if left.button("Open in Analyze", key="corpus_open", disabled=len(chosen) != 1,
               type="primary"):
    if reading.open_in_analyze(chosen[0]):
        st.switch_page("views/analyze.py")
    st.warning("That article is no longer stored.")
confirm = right.checkbox(f"Yes, delete {len(chosen)} article(s) with their analyses and "
                         "corrections", key="corpus_delete_confirm", disabled=not chosen)


def delete_chosen(ids: list[str]) -> None:
    # A callback runs before the widgets are drawn, so it may clear the confirmation and
    # give the table a fresh key (its ticks pointed at rows that are gone).
    removed = reading.delete_articles(ids)
    st.session_state["corpus_table_generation"] = generation + 1
    st.session_state["corpus_delete_confirm"] = False
    st.session_state["corpus_flash"] = f"Deleted {removed} article(s)."


middle.button(f"Delete {len(chosen)} selected", key="corpus_delete",
              disabled=not (chosen and confirm), on_click=delete_chosen, args=(chosen,))
st.subheader("Entities")
panels.entities_section(entity_table, corpus=True)
subjects = profiles.page_subjects(countries, entity_table)
if country and st.session_state.get("corpus_page_subject") is None:
    st.session_state["corpus_page_subject"] = profiles.Subject("country", country).choice
cols = st.columns([3, 2])
subject = cols[0].selectbox(
    "A country's or an entity's page", subjects, index=None, key="corpus_page_subject",
    placeholder="choose a country or an entity", format_func=profiles.subject_label,
    help="Its stances given and received over time, its events and who appears with it.",
)
if subject:
    picked = profiles.Subject.from_choice(subject)
    cols[1].page_link("views/profile.py", label=f"Open {picked.label}",
                      icon=":material/public:", query_params={picked.kind: picked.key})
st.subheader("Timeline")
panels.timeline_section(events, "corpus", start=start, end=end)
st.subheader("Stance")
panels.stance_section(functools.partial(reading.evidence_articles, stances), stances, "corpus",
                      max_targets=HEATMAP_TARGETS)

st.subheader("Stance over time")
monthly = frames.monthly_stances(stances,
                                 background=bool(st.session_state.get("corpus_background")))
if monthly.empty:
    st.info("No dated stances yet: stance over time needs articles with a publication date "
            "and stances found in them.")
else:
    trend = frames.trend_targets(monthly)
    targets = list(trend)
    if st.session_state.get("corpus_trend_target") not in targets:
        st.session_state["corpus_trend_target"] = targets[0]
    trend_target = st.selectbox("Target", targets, key="corpus_trend_target",
                                format_func=trend.get)
    st.plotly_chart(charts.stance_over_time(monthly, target=trend_target),
                    key="corpus_trend", width="stretch")
    st.caption("One target however it is named (\"Iran\", \"Iranian\", \"Tehran\"); a bigger "
               "point rests on more articles.")

st.subheader("Export")
st.caption("The filtered corpus as tables, with the analysts' corrections applied (and "
           "listed, undone ones too, in the corrections table); `newslens export` writes "
           "every stored table.")
tables = {
    "entities": entity_table,
    "events": events,
    "stances": stances,
    "stance_by_month": monthly,
    "corrections": frames.corrections_frame(correcting.corpus_corrections(view.text_keys)),
}
for column, (name, table) in zip(st.columns(len(tables)), tables.items(), strict=True):
    column.download_button(
        # Deferred: the CSV is written when the button is clicked, not on every run.
        f"{name.replace('_', ' ').capitalize()} (CSV)", functools.partial(frames.csv_text, table),
        file_name=f"newslens_corpus_{name}.csv", mime="text/csv", key=f"corpus_dl_{name}",
    )
state.publish_view("corpus")
