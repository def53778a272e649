"""The highlighted text: displaCy's marks, filters, hover titles, and inert article text."""

from __future__ import annotations

import dataclasses
import html
import re
from html.parser import HTMLParser

from dashboard import highlight
from extraction.model import Article, Entity, Mention, TimeExpression

from .articles import build_article


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.marks: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs))


def _parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    return parser


def _article_with(text: str, *entities: Entity) -> Article:
    """The hand-built article with another text and these entities, no time expressions."""
    return dataclasses.replace(build_article(), text=text, entities=entities,
                               time_expressions=())


def test_highlight_marks_every_mention_with_hover(article):
    markup = highlight.article_html(article)
    parsed = _parse(markup)
    mention_count = sum(len(e.mentions) for e in article.entities)
    assert len(parsed.marks) == mention_count + len(article.time_expressions)
    titles = [m["title"] for m in parsed.marks]
    assert "Nicolás Maduro · PERSON · Venezuela (VEN) · head of state" in titles
    assert "DATE · 2019-01 · anchored on 2019-03-14" in titles


def test_highlight_article_text_is_inert(article):
    parsed = _parse(highlight.article_html(article))
    assert set(parsed.tags) <= {"div", "mark", "span", "br"}
    markup = highlight.article_html(article)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in markup
    assert "onerror=&quot;" in markup and "<img" not in markup


def test_highlight_hover_attribute_cannot_break_out():
    text = 'Ask "Bob" <b>now</b> please, say it in English to the people here.'
    evil = Entity("e1", 'x" onmouseover="alert(1)', "PERSON", None, None,
                  (Mention("Bob", 5, 8),))
    article = _article_with(text, evil)
    parsed = _parse(highlight.article_html(article))
    assert parsed.marks[0]["title"].startswith('x" onmouseover=')
    assert "onmouseover" not in parsed.marks[0]
    assert parsed.tags.count("b") == 0


def test_highlight_filters_by_type_and_country(article):
    people = highlight.spans(article, labels={"PERSON"})
    assert {s.label for s in people} == {"PERSON"}
    bolivian = highlight.spans(article, countries={"BOL"})
    assert {article.text[s.start:s.end] for s in bolivian} == {"Bolivia", "Morales"}
    no_country = highlight.spans(article, countries={""})
    assert [article.text[s.start:s.end] for s in no_country] == ["UN"]


def test_highlight_overlaps_keep_the_entity():
    base = build_article()
    start = base.text.index("Thursday")
    clash = TimeExpression("on Thursday", start - 3, start + 8, "DATE", "2019-03-14")
    fake = Entity("e_t", "Thursday Group", "ORG", None, None,
                  (Mention("Thursday", start, start + 8),))
    article = dataclasses.replace(base, entities=(fake,), time_expressions=(clash,))
    spans = highlight.spans(article)
    assert [(s.label, article.text[s.start:s.end]) for s in spans] == [("ORG", "Thursday")]


def test_highlight_keeps_the_whole_text(article):
    markup = highlight.article_html(article)
    plain = markup.replace("<br>", "\n")
    plain = re.sub(r"<span[^>]*>[A-Z_]+</span>", "", plain)
    plain = re.sub(r"<[^>]+>", "", plain)
    assert html.unescape(plain) == article.text


def test_highlight_is_displacys_markup_with_hostile_text_escaped():
    # Markup inside a marked name, between marks and at the end: displaCy escapes it all.
    text = ('Dr <img src=x onerror="alert(1)">Ana Ruiz</img> spoke to '
            "<script>alert(2)</script> Lima & Quito officials.\nSee <a href=x>this</a>")
    start = text.index("<img")
    ruiz = Entity("e1", "Ana Ruiz", "PERSON", "PER", None,
                  (Mention(text[start:text.index(" spoke")], start, text.index(" spoke")),))
    lima = Entity("e2", "Lima", "GPE", "PER", None,
                  (Mention("Lima", text.index("Lima"), text.index("Lima") + 4),))
    article = _article_with(text, ruiz, lima)
    markup = highlight.article_html(article)
    parsed = _parse(markup)
    assert set(parsed.tags) == {"div", "mark", "span", "br"}
    assert 'class="entities"' in markup  # displaCy's own block
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in markup
    assert '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Ana Ruiz&lt;/img&gt;' in markup
    assert "&amp; Quito officials" in markup and "&lt;a href=x&gt;this&lt;/a&gt;" in markup
    assert [m["data-label"] for m in parsed.marks] == ["PERSON", "GPE"]
    # The colours are the dashboard's, one per label.
    assert f"background: {highlight.LABEL_COLORS['PERSON']}" in markup
    assert f"background: {highlight.LABEL_COLORS['GPE']}" in markup


def test_highlight_label_is_escaped_before_displacy():
    # displaCy writes labels into its template as given: ours are escaped first.
    text = "Ana Ruiz spoke in Lima on the radio this morning, in English as always."
    odd = Entity("e1", "Ana Ruiz", '<img src=x onerror="alert(1)">', None, None,
                 (Mention("Ana Ruiz", 0, 8),))
    article = _article_with(text, odd)
    markup = highlight.article_html(article)
    parsed = _parse(markup)
    assert "img" not in parsed.tags
    assert parsed.marks[0]["data-label"] == '<img src=x onerror="alert(1)">'
    assert f"background: {highlight.DEFAULT_COLOR}" in markup  # a label without a colour


def test_highlight_line_endings_show_as_before():
    text = "One line.\r\nAnother line.\rA third."
    article = _article_with(text)
    markup = highlight.article_html(article)
    assert "\r" not in markup
    assert markup.count("<br>") == 2
