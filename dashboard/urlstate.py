"""A page's view in its URL, and its inputs across page switches: pure encode/decode.

Streamlit forgets a widget's value when a page without that widget runs, and a reload or a
shared link starts empty. Each page therefore names the session keys that make up its view
(``PAGE_KEYS``); ``encode`` turns their values into query parameters (``st.query_params``),
``decode`` turns parameters back into values a widget accepts, refusing anything malformed
(a shared link is input like any other). Nothing here imports Streamlit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

#: Session keys kept across page switches, per page (widgets and the shown article).
PAGE_KEYS: dict[str, tuple[str, ...]] = {
    "analyze": ("analyze_text", "analyze_title", "analyze_date", "analyze_sample",
                "analyze_current", "analyze_types", "analyze_countries", "analyze_background",
                "analyze_timeline_background", "analyze_timeline_modality", "analyze_target"),
    "corpus": ("corpus_dates", "corpus_country", "corpus_source", "corpus_query",
               "corpus_entity", "corpus_trend_target",
               "corpus_background", "corpus_timeline_background",
               "corpus_timeline_modality", "corpus_target"),
    "profile": ("profile_country", "profile_entity", "profile_background",
                "profile_timeline_background", "profile_timeline_modality"),
}
#: Session key -> query parameter, per page. The article text is not in the URL (it can be
#: 200,000 characters); the article's id is, and the store gives the rest back.
PARAMS: dict[str, dict[str, str]] = {
    "analyze": {"analyze_current": "article", "analyze_background": "background",
                "analyze_timeline_background": "past_events",
                "analyze_timeline_modality": "all_modalities", "analyze_target": "target"},
    "corpus": {"corpus_dates": "dates", "corpus_country": "country", "corpus_source": "source",
               "corpus_query": "q", "corpus_entity": "entity",
               "corpus_trend_target": "trend", "corpus_background": "background",
               "corpus_timeline_background": "past_events",
               "corpus_timeline_modality": "all_modalities", "corpus_target": "target"},
    "profile": {"profile_country": "country", "profile_entity": "entity",
                "profile_background": "background",
                "profile_timeline_background": "past_events",
                "profile_timeline_modality": "all_modalities"},
}
_FLAGS = {"background", "past_events", "all_modalities"}
_ISO3 = re.compile(r"[A-Z]{3}")
_ARTICLE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
#: Parameters whose whole value must have a shape: an article id, an ISO-3 code.
_SHAPES = {"article": _ARTICLE_ID, "country": _ISO3}
#: The longest value a parameter may carry: a target key or a source name, not a text.
MAX_VALUE = 300


def encode(page: str, values: Mapping[str, Any]) -> dict[str, str]:
    """Query parameters for a page's view; empty and default values are left out."""
    params: dict[str, str] = {}
    for key, name in PARAMS.get(page, {}).items():
        value = values.get(key)
        if value is None or value == "" or value is False:
            continue
        if name in _FLAGS:
            params[name] = "1"
        elif name == "dates":
            if isinstance(value, tuple | list) and len(value) == 2 and all(
                    isinstance(v, dt.date) for v in value):
                params[name] = f"{value[0].isoformat()}..{value[1].isoformat()}"
        else:
            params[name] = str(value)[:MAX_VALUE]
    return params


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def decode(page: str, params: Mapping[str, str]) -> dict[str, Any]:
    """Session values from query parameters; a malformed parameter is left out."""
    values: dict[str, Any] = {}
    for key, name in PARAMS.get(page, {}).items():
        raw = params.get(name)
        if raw is None or len(raw) > MAX_VALUE:
            continue
        if name in _FLAGS:
            values[key] = raw in ("1", "true")
        elif name == "dates":
            first, sep, last = raw.partition("..")
            start, end = _date(first), _date(last)
            if sep and start and end and start <= end:
                values[key] = (start, end)
        elif name in _SHAPES:
            if _SHAPES[name].fullmatch(raw):
                values[key] = raw
        elif raw:
            values[key] = raw
    return values
