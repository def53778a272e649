"""About page: what newslens finds, the limits on input, and where the corpus is kept."""

from __future__ import annotations

import streamlit as st

from dashboard import reading, state
from extraction.limits import MAX_CHARS, MAX_FILE_BYTES

st.title("About newslens")
st.markdown(
    """
newslens reads international news in English and shows:

- **who is mentioned**, highlighted in the text, each person and organisation tied to a
  country (ISO 3166 alpha-3);
- **what happened when**: events typed with the PLOVER ontology, dated by the time
  expressions near them, relative dates ("Thursday", "a year ago") resolved against the
  publication date;
- **who stands for or against whom**: stance per country (or sector, organisation,
  group) towards each target, from -1 (opposes) to +1 (supports), each score backed by the
  sentences it came from.

Everything shown comes from the analysis of the text alone; check the evidence sentences
before relying on a score.
"""
)
st.subheader("Limits")
st.markdown(
    f"""
- Uploads: .txt, .md, .html, .pdf (with a text layer), at most
  {MAX_FILE_BYTES // 1_048_576} MB per file.
- Text: at most {MAX_CHARS:,} characters per article; English only.
- Article text is always shown as text: HTML and Markdown in it are not rendered.
"""
)
st.subheader("Corpus store")
problem = state.store_problem()
if problem is None:
    from extraction.store import default_store_path

    st.text(f"Store: {default_store_path()} (set NEWSLENS_STORE to use another file)\n"
            f"Articles stored: {reading.corpus_count():,}")
else:
    st.text(problem)
st.text(f"Sample articles: {state.samples_dir()}")
