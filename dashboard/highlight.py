"""The article text as displaCy's ``ent`` HTML: entity mentions marked and coloured by type.

``spans`` chooses what to mark (the filters, entities over time expressions where they
overlap); ``render`` hands the text and the spans to ``spacy.displacy.render(style="ent",
manual=True)``, which escapes the text it writes (``<script>`` or ``<img onerror=...>`` in a
pasted article arrive as visible characters). What displaCy writes into its template as given,
the label and the hover text (a canonical name could hold a quote), is escaped here before it
is passed. The template (displaCy's ``template`` option) is displaCy's mark with the page's
look: dark text on the label colour, a small label in capitals, the hover text as a ``title``.
Streamlit's ``st.html`` sanitises on top of that; the escaping does not rely on it.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from dataclasses import dataclass

from spacy import displacy

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

_MARK_STYLE = (
    "background: {bg}; color: #1f1f1f; padding: 0.2em 0.4em; margin: 0 0.15em;"
    " line-height: 1;"
    " border-radius: 0.35em; box-decoration-break: clone;"
    " -webkit-box-decoration-break: clone; cursor: help;"
)
_LABEL_STYLE = (
    "font-size: 0.65em; font-weight: bold; line-height: 1; border-radius: 0.35em;"
    " vertical-align: middle; margin-left: 0.4rem; text-transform: uppercase;"
)
_WRAPPER_STYLE = (
    # displaCy's own block inside sets the line height (2.5) and the direction.
    "white-space: pre-wrap; font-family: sans-serif;"
    " font-size: 0.95rem; max-height: 38rem; overflow-y: auto; padding: 0.5rem 0.75rem;"
    " border: 1px solid rgba(128,128,128,0.3); border-radius: 0.5rem;"
)
#: displaCy's ``ent`` template: ``{bg}``, ``{text}`` (escaped by displaCy) and ``{label}`` are
#: filled by displaCy, ``{hover}`` from the span's ``params``. One line, since the text is
#: shown with its white space kept.
_ENT_TEMPLATE = (
    '<mark class="entity" data-label="{label}" title="{hover}" style="'
    + _MARK_STYLE + '">{text}'
    f'<span style="{_LABEL_STYLE}">{{label}}</span></mark>'
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
    return _non_overlapping(candidates, len(article.text))


def _non_overlapping(candidates: list[tuple[int, Span]], length: int) -> list[Span]:
    """The spans to mark among ``(rank, span)`` candidates (rank 0 for entity mentions, 1 for
    time expressions), in text order: a lower rank wins an overlap, then the earlier and
    longer span; spans outside a text of ``length`` characters are dropped."""
    candidates.sort(key=lambda c: (c[1].start, c[0], -(c[1].end - c[1].start)))
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    for _, span in sorted(candidates, key=lambda c: c[0]):
        if not 0 <= span.start < span.end <= length:
            continue
        if any(span.start < end and start < span.end for start, end in taken):
            continue
        chosen.append(span)
        taken.append((span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def render(text: str, marks: list[Span]) -> str:
    """Return the text as displaCy's HTML with each span marked; all text escaped.

    ``marks`` must not overlap (as ``spans`` returns them). Line breaks become ``<br>``
    (displaCy's way); a carriage return is passed as a space, or as a line break when no
    line feed follows it, as a browser shows it. No title is passed to displaCy (which would
    write it unescaped): the page shows the article's title above the text.
    """
    shown = text.replace("\r\n", " \n").replace("\r", "\n")
    ents = [
        {"start": span.start, "end": span.end, "label": html.escape(span.label),
         "params": {"hover": html.escape(span.hover)}}
        for span in marks
    ]
    colors = {span.label: LABEL_COLORS.get(span.label, DEFAULT_COLOR) for span in marks}
    markup = displacy.render(
        {"text": shown, "ents": ents}, style="ent", manual=True, jupyter=False,
        options={"colors": colors, "template": _ENT_TEMPLATE},
    )
    return f'<div class="newslens-entities" style="{_WRAPPER_STYLE}">{markup}</div>'


def legend(labels: Collection[str]) -> str:
    """A row of coloured chips explaining the highlight colours, each label in words."""
    chips = [
        f'<span style="{_MARK_STYLE.format(bg=LABEL_COLORS.get(label, DEFAULT_COLOR))}'
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
