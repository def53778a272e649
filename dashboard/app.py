"""newslens dashboard entry point: ``streamlit run dashboard/app.py``.

Only navigation lives here; the pages are in ``views/``. On a fresh store the sample
articles are analysed into it once, so the Corpus page has something to show.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# ``streamlit run`` puts dashboard/ on the path, not the project root; without an installed
# package, ``import dashboard`` would fail.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard import panels, state  # noqa: E402

st.set_page_config(page_title="newslens", page_icon="🗞️", layout="wide")

pages = st.navigation(
    [
        st.Page("views/analyze.py", title="Analyze", icon=":material/search:",
                url_path="analyze", default=True),
        st.Page("views/corpus.py", title="Corpus", icon=":material/folder_open:",
                url_path="corpus"),
        st.Page("views/profile.py", title="Country or entity", icon=":material/public:",
                url_path="profile"),
        st.Page("views/about.py", title="About", icon=":material/info:", url_path="about"),
    ]
)

state.keep_widget_state()
slot = st.empty()
state.ensure_samples_stored(lambda done, text: slot.progress(done, text=panels.md_escape(text)))
slot.empty()
pages.run()
