"""Country or entity page: the stances it gives and receives over time, its events, and who
appears with it, over the stored corpus. Reached from the Corpus page; the URL names it."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, frames, panels, profiles, reading, state
from dashboard.names import country_label
from extraction.store import Filters

#: The most articles read for one subject; the newest come first.
PROFILE_LIMIT = 2000
#: Lines in a stance-over-time chart: the ones resting on the most articles.
SERIES = 8

st.title("Country or entity")
st.caption("One country or one person, organisation or group across the stored corpus: "
           "the stances it gives and receives month by month, the events it takes part "
           "in, and who appears with it.")

state.follow_link("profile")
total = panels.corpus_total_or_stop(reading.corpus_count())

_, _, countries = reading.corpus_overview()
# The entity list comes from the same cached read as the Corpus page's unfiltered view.
entities = profiles.entity_choices(reading.corpus_view(Filters(limit=PROFILE_LIMIT)).entities,
                                   keep=st.session_state.get("profile_entity"))
if st.session_state.get("profile_country") not in countries:
    st.session_state.pop("profile_country", None)


def _chose(key: str, other: str) -> None:
    # One subject at a time: choosing a country clears the entity, and the other way.
    if st.session_state.get(key):
        st.session_state[other] = None


cols = st.columns(2)
cols[0].selectbox("Country", countries, index=None, key="profile_country",
                  placeholder="choose a country", format_func=country_label,
                  on_change=_chose, args=("profile_country", "profile_entity"))
cols[1].selectbox("Person, organisation or group", entities, index=None,
                  key="profile_entity", placeholder="choose an entity",
                  on_change=_chose, args=("profile_entity", "profile_country"),
                  help="The entities in the most articles first.")
state.publish_view("profile")
subject = profiles.subject_of(st.session_state.get("profile_country"),
                              st.session_state.get("profile_entity"))
if subject is None:
    st.info("Choose a country or an entity, or open one from the Corpus page.")
    st.stop()

if subject.kind == "country":
    read = reading.corpus_articles(Filters(country=subject.key, limit=PROFILE_LIMIT))
else:
    read = reading.corpus_articles(Filters(entity=subject.key, limit=PROFILE_LIMIT))
articles = profiles.subject_articles(read, subject)
st.header(subject.label)
if not articles:
    st.info(f"No stored article names {subject.label}.")
    st.stop()

background = st.toggle("Include background stances", key="profile_background",
                       help="Stances resting only on events long before the article.")
stances = frames.stances_frame(articles)
given = profiles.stances_given(stances, subject)
received = profiles.stances_received(stances, subject)
events = profiles.subject_events(frames.events_frame(articles), subject)
metrics = st.columns(4)
metrics[0].metric("Articles", len(articles))
metrics[1].metric("Events", len(events))
metrics[2].metric("Stances given", len(given))
metrics[3].metric("Stances received", len(received))

for heading, rows, key, empty in (
    ("Stances given", given, "profile_given",
     f"No stance held by {subject.label} was found."),
    ("Stances received", received, "profile_received",
     f"No stance towards {subject.label} was found."),
):
    st.subheader(heading)
    summary = frames.stance_summary(rows, background=bool(background))
    if summary.empty:
        st.info(empty)
        continue
    over_time = profiles.top_series(profiles.monthly(rows, background=bool(background)), SERIES)
    if not over_time.empty:
        st.plotly_chart(charts.stance_over_time(over_time), key=f"{key}_trend",
                        width="stretch")
    st.dataframe(
        summary[["holder_label", "target", "polarity", "score", "evidence", "articles"]],
        hide_index=True, width="stretch", key=f"{key}_table",
    )

st.subheader("Events")
if events.empty:
    st.info(f"No event with {subject.label} as actor or target was found.")
else:
    st.dataframe(profiles.event_counts(events), hide_index=True, width="content",
                 key="profile_event_counts")
    panels.timeline_section(events, "profile")

st.subheader("Appears with")
panels.entities_section(profiles.companions(articles, subject), corpus=True)

st.subheader("Articles")
st.dataframe(frames.articles_frame(articles).drop(columns=["id"]), hide_index=True,
             width="stretch", key="profile_articles",
             column_config={"title": st.column_config.TextColumn(width="large")})
state.publish_view("profile")
