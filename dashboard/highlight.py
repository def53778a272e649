"""The article text as displaCy ``ent``-style HTML: entity mentions marked and coloured by type.

Built here rather than with ``displacy.render`` so that every piece of article text, and every
attribute made from it, goes through ``html.escape``: the text shown is whatever a user pasted
or uploaded, and ``<script>`` or ``<img onerror=...>`` in it must arrive as visible characters.
Streamlit's ``st.html`` sanitises on top of that; the escaping does not rely on it.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from dataclasses import dataclass

from extraction.model import Article

from .names import country_label, label_words

#: Background colours by label, close to displaCy's defaults so the page looks familiar.
LABEL_COLORS = {
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "NORP": "#c887fb",
    "LOC": "#ff9561",
    "FAC": "#9cc9cc",
    "EVENT": "#ffeb80",
    "LAW": "#ff8197",
    "PRODUCT": "#bfeeb7",
    "WORK_OF_ART": "#f0d0ff",
    "LANGUAGE": "#ff8197",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
    "DURATION": "#e4e7d2",
    "SET": "#e4e7d2",
}
DEFAULT_COLOR = "#ddd"
#: Time expressions carry these labels (their TIMEX3 type) in the highlighted text.
TIME_LABELS = ("DATE", "TIME", "DURATION", "SET")

_MARK_STYLE = (
    "background: {color}; color: #1f1f1f; padding: 0.2em 0.4em; margin: 0 0.15em;"
    " line-height: 1;"
    " border-radius: 0.35em; box-decoration-break: clone;"
    " -webkit-box-decoration-break: clone; cursor: help;"
)
_LABEL_STYLE = (
    "font-size: 0.65em; font-weight: bold; line-height: 1; border-radius: 0.35em;"
    " vertical-align: middle; margin-left: 0.4rem; text-transform: uppercase;"
)
_WRAPPER_STYLE = (
    "line-height: 2.3; direction: ltr; white-space: pre-wrap; font-family: sans-serif;"
    " font-size: 0.95rem; max-height: 38rem; overflow-y: auto; padding: 0.5rem 0.75rem;"
    " border: 1px solid rgba(128,128,128,0.3); border-radius: 0.5rem;"
)


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of the text: offsets, label and the hover text."""

    start: int
    end: int
    label: str
    hover: str


def spans(
    article: Article,
    *,
    labels: Collection[str] | None = None,
    countries: Collection[str] | None = None,
    include_time: bool = True,
) -> list[Span]:
    """Return the non-overlapping spans to highlight, in text order.

    Args:
        article: the analysed article.
        labels: keep only these labels (entity types or time types); all when None/empty.
        countries: keep only entities tied to these ISO-3 codes; ``""`` stands for entities
            without a country. Time expressions, which have no country, are dropped when
            this filter is set.
        include_time: also mark the time expressions.

    Entity mentions win over time expressions where they overlap, then the earlier and
    longer span wins.
    """
    candidates: list[tuple[int, Span]] = []
    for ent in article.entities:
        if labels and ent.label not in labels:
            continue
        if countries and (ent.country or "") not in countries:
            continue
        parts = [ent.canonical, ent.label]
        if ent.country:
            parts.append(country_label(ent.country))
        if ent.role:
            parts.append(ent.role)
        hover = " · ".join(parts)
        for m in ent.mentions:
            candidates.append((0, Span(m.start_char, m.end_char, ent.label, hover)))
    if include_time and not countries:
        for t in article.time_expressions:
            if labels and t.type not in labels:
                continue
            hover = f"{t.type} · {t.value}" + (f" · anchored on {t.anchor}" if t.anchor else "")
            candidates.append((1, Span(t.start_char, t.end_char, t.type, hover)))
    candidates.sort(key=lambda c: (c[1].start, c[0], -(c[1].end - c[1].start)))
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    for _, span in sorted(candidates, key=lambda c: c[0]):
        if not 0 <= span.start < span.end <= len(article.text):
            continue
        if any(span.start < end and start < span.end for start, end in taken):
            continue
        chosen.append(span)
        taken.append((span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def render(text: str, marks: list[Span]) -> str:
    """Return the text as HTML with each span wrapped in a ``<mark>``; all text escaped.

    ``marks`` must be sorted and non-overlapping (as ``spans`` returns them).
    """
    out = [f'<div class="newslens-entities" style="{_WRAPPER_STYLE}">']
    position = 0
    for span in marks:
        out.append(html.escape(text[position:span.start]))
        color = LABEL_COLORS.get(span.label, DEFAULT_COLOR)
        out.append(
            f'<mark class="entity" data-label="{html.escape(span.label)}"'
            f' title="{html.escape(span.hover)}" style="{_MARK_STYLE.format(color=color)}">'
            f"{html.escape(text[span.start:span.end])}"
            f'<span style="{_LABEL_STYLE}">{html.escape(span.label)}</span></mark>'
        )
        position = span.end
    out.append(html.escape(text[position:]))
    out.append("</div>")
    return "".join(out)


def legend(labels: Collection[str]) -> str:
    """A row of coloured chips explaining the highlight colours, each label in words."""
    chips = [
        f'<span style="{_MARK_STYLE.format(color=LABEL_COLORS.get(label, DEFAULT_COLOR))}'
        f' font-size: 0.8em; font-weight: bold;" title="{html.escape(label)}">'
        f'{html.escape(label_words(label))}</span>'
        for label in sorted(labels, key=label_words)
    ]
    return '<div style="line-height: 2.2;">' + " ".join(chips) + "</div>"


def article_html(
    article: Article,
    *,
    labels: Collection[str] | None = None,
    countries: Collection[str] | None = None,
    include_time: bool = True,
) -> str:
    """The article's text with its entities (and time expressions) highlighted."""
    return render(
        article.text,
        spans(article, labels=labels, countries=countries, include_time=include_time),
    )
