"""HTML pages and PDF files reduced to their text (and a title), never executed.

An HTML page is parsed with libxml2 (linear on any markup), its main text found with
readability-lxml when installed, scripts, styles, the head and comments dropped
(``html_to_text``); a PDF's text layer is read with pypdf when installed, its title from the
metadata unless document software made it up, else the headline (``pdf_text_and_title``).
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from .errors import NewslensError
from .limits import MAX_CHARS

#: Elements whose content is never visible text (scripts and styles stay inert).
_HTML_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "title",
     "math", "select", "textarea", "button"}
)
_HTML_BLOCK = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
     "header", "footer", "blockquote", "pre", "table", "ul", "ol", "hr", "figcaption"}
)
_HTML_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "article", "section"})
# An unclosed <title> holds the rest of the page as its text (HTML5 "RCDATA"): it is closed
# at the next tag or line instead, so the page is not read as empty.
_TITLE_OPEN = re.compile(r"<title\b[^<>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)
_TITLE_END = re.compile(r"<|\n")


def _close_open_title(html: str) -> str:
    opened = _TITLE_OPEN.search(html)
    if opened is None or _TITLE_CLOSE.search(html, opened.end()):
        return html
    end = _TITLE_END.search(html, opened.end())
    cut = end.start() if end else len(html)
    return f"{html[:cut]}</title>{html[cut:]}"


def _parse_html(html: str) -> Any:
    """Parse with libxml2's HTML parser (lxml): linear time on any markup, malformed or not."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True)
    try:
        return etree.fromstring(_close_open_title(html).encode("utf-8", "replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError):
        # Nothing libxml2 can make a document of: no visible text.
        return None


def _squash(text: str) -> str:
    return " ".join(text.split())


#: The fewest words of main text for the main-content reading to replace the whole page's.
MAIN_TEXT_WORDS = 80


def _main_content(html: str) -> str | None:
    """The page's main content as HTML, by readability-lxml (a maintained port of
    Readability), or None when the package is missing or the page defeats it."""
    try:
        from readability import Document
    except ImportError:
        return None
    try:
        return str(Document(html).summary(html_partial=True))
    except Exception:  # noqa: BLE001  (any page it cannot read: the whole page is used)
        return None


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return the main text of an HTML page and its title (``<title>`` or ``<h1>``).

    The article's own text is found with readability-lxml, so a news page's navigation,
    menus, asides and footer are left out; when that finds less than ``MAIN_TEXT_WORDS``
    words, every visible text of the page is used. Pages are parsed with libxml2, linear on
    malformed markup; scripts, styles, the head and comments are dropped, never run.
    """
    root = _parse_html(html)
    if root is None:
        return "", None
    title_element = root.find(".//title")
    h1_element = root.find(".//h1")
    title = _squash("".join(title_element.itertext())) if title_element is not None else ""
    h1 = _squash("".join(h1_element.itertext())) if h1_element is not None else ""
    main = _main_content(html)
    main_root = _parse_html(main) if main else None
    main_text = _visible_text(main_root) if main_root is not None else ""
    if len(main_text.split()) >= MAIN_TEXT_WORDS:
        # The headline often sits outside the element Readability keeps.
        text = main_text if not h1 or main_text.startswith(h1) else f"{h1}\n\n{main_text}"
    else:
        text = _visible_text(root)
    return text, (title or h1) or None


def _visible_text(root: Any) -> str:
    """The visible text under a parsed HTML element, with paragraph breaks kept."""
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _HTML_SKIP:
                walker.skip_subtree()
                # Skipped elements get no "end" event: their tail is visible text.
                if element.tail:
                    parts.append(element.tail)
                continue
            if tag in _HTML_BLOCK:
                parts.append("\n\n" if tag in _HTML_PARAGRAPH else "\n")
            if element.text:
                parts.append(element.text)
        else:
            if tag in _HTML_BLOCK and tag not in ("br", "hr"):
                parts.append("\n\n" if tag in ("p", "h1", "h2", "h3") else "\n")
            if element.tail:
                parts.append(element.tail)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_PDF_LOGGER_QUIET = False


def _quiet_pdf_logger() -> None:
    # pypdf logs a warning for every flaw it repairs in a damaged file, thousands for a
    # crafted one; the user gets one message per file from us instead.
    global _PDF_LOGGER_QUIET
    if not _PDF_LOGGER_QUIET:
        logging.getLogger("pypdf").setLevel(logging.CRITICAL)
        _PDF_LOGGER_QUIET = True


def pdf_to_text(data: bytes, *, name: str = "The PDF") -> str:
    """Return the text layer of a PDF (see ``pdf_text_and_title``)."""
    return pdf_text_and_title(data, name=name)[0]


# Titles that document software writes for a file rather than its content.
_PDF_JUNK_TITLE = re.compile(r"^(untitled|microsoft (word|powerpoint)\b|document\d*$|doc\d*$|"
                             r".*\.(docx?|pdf|odt|rtf|txt)$)", re.IGNORECASE)
#: The longest first line read as a PDF's headline (a longer one is a paragraph).
PDF_HEADLINE_CHARS = 160


def _pdf_title(reader: Any, text: str) -> str | None:
    """A PDF's title: its metadata title unless software made it up, else a short first
    line without a final full stop (the headline)."""
    try:
        meta = reader.metadata
        given = str(meta.title).strip() if meta is not None and meta.title else ""
    except Exception:  # noqa: BLE001  (damaged metadata: the text decides)
        given = ""
    if given and not _PDF_JUNK_TITLE.match(given):
        return given
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first and len(first) <= PDF_HEADLINE_CHARS and not first.endswith((".", ",", ";", ":")):
        return first
    return None


def pdf_text_and_title(data: bytes, *, name: str = "The PDF") -> tuple[str, str | None]:
    """Return the text layer of a PDF and its title (metadata, else the headline line).

    Raises:
        NewslensError: pypdf is missing, the file is encrypted, crafted or not a readable
            PDF, or it has no text.
    """
    try:
        from pypdf import PdfReader
    except ImportError:
        raise NewslensError(
            "Reading PDF needs the pypdf package: pip install 'newslens[dashboard]'."
        ) from None
    _quiet_pdf_logger()
    pages: list[str] = []
    size = 0
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise NewslensError(
                f"{name} is encrypted (password-protected); save an unprotected copy and "
                "try again."
            )
        for page in reader.pages:
            page_text = (page.extract_text() or "").strip()
            pages.append(page_text)
            size += len(page_text)
            if size > MAX_CHARS:
                # Enough to refuse it as too long; the rest of the pages are not read.
                break
    except NewslensError:
        raise
    except Exception as err:  # noqa: BLE001  (pypdf raises many types on crafted files)
        # A damaged, crafted (decompression bomb) or AES-encrypted file: one message per
        # file, whatever pypdf raised, so one bad PDF never stops a run.
        reason = "it is encrypted" if "crypt" in str(err).lower() else type(err).__name__
        raise NewslensError(f"{name} is not a readable PDF ({reason}).") from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise NewslensError(
            f"{name} has no text layer (a scanned image?); newslens cannot read it."
        )
    return text, _pdf_title(reader, text)
