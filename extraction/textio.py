"""Turning what a user hands over (text, bytes, files) into article text, or a clear refusal.

HTML is reduced to its text and never executed; PDF is read with pypdf when it is installed.
Files may start with a small front matter block giving ``title`` and ``published``::

    ---
    title: Last remaining US diplomats leave Venezuela
    published: 2019-03-14
    ---
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import NewslensError
from .limits import MAX_CHARS, MAX_FILE_BYTES

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES

# The commonest English function words: running English prose has 35-50% of them.
_ENGLISH_WORDS = frozenset(
    """a about after against all also an and any are as at be because been before but by
    can could did do does during for from had has have he her his how i if in into is it
    its may more most no not of on one or other our out over said says she so some than
    that the their them then there these they this those to under up was we were what
    when where which while who whom will with would you""".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class SourceText:
    """Article text read from a file or upload, with what the file said about itself."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    name: str | None = None


# A date, optionally followed by an ISO time ("2019-03-14T10:00:00Z"), and nothing else.
_ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """Return a date from a ``date``, a ``datetime`` or an ISO string (``YYYY-MM-DD``).

    Raises:
        NewslensError: the string is not a valid ISO date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            return None
        try:
            if not _ISO_DATE.fullmatch(stripped):
                raise ValueError(stripped)
            return dt.date.fromisoformat(stripped[:10])
        except ValueError:
            raise NewslensError(
                f"'{value}' is not a date: give the publication date as YYYY-MM-DD, "
                "e.g. 2019-03-14."
            ) from None
    raise NewslensError(f"A publication date must be a date or a YYYY-MM-DD string, not {value!r}.")


def validate_text(
    text: object, *, name: str = "The article", warnings: list[str] | None = None
) -> str:
    """Return ``text`` ready for analysis, or raise a ``NewslensError`` that says why not.

    Refuses non-strings, empty and whitespace-only text, text over ``MAX_CHARS``, text that
    is mostly control characters (a binary file read as text) and text positively
    identified as another language (``identify_language``). The text returned is the one
    to analyse: invisible characters are removed (``normalize_invisible``) and very long
    runs broken. ``original_offsets`` maps offsets into it back to the text as given, and
    the ``Article`` keeps the text as given with offsets into it.

    Args:
        text: the article text.
        name: how the message names the text.
        warnings: when given, a warning is appended for English text with little prose
            (a table, a list, a dateline), which is analysed all the same.
    """
    if isinstance(text, bytes | bytearray):
        raise NewslensError(f"{name} was given as bytes; decode it first (see read_bytes).")
    if not isinstance(text, str):
        raise NewslensError(f"{name} must be text, not {type(text).__name__}.")
    if not text.strip():
        raise NewslensError(f"{name} is empty: paste or upload the text of a news article.")
    if len(text) > MAX_CHARS:
        raise NewslensError(
            f"{name} has {len(text):,} characters; newslens analyses at most {MAX_CHARS:,} "
            "in one piece. Split it into separate articles."
        )
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise NewslensError(f"{name} looks like binary data, not text.")
    text = normalize_invisible(text)
    if not text.strip():
        raise NewslensError(f"{name} is empty: paste or upload the text of a news article.")
    _check_english(text, name, warnings)
    return break_long_runs(text)


# Characters with no glyph that web pages put inside words: the soft hyphen, zero-width
# space and joiners, the word joiner, invisible operators and a byte order mark. Bidi
# controls are format characters too; they are removed as well, since a name written with
# them is the same name.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u206f\ufeff]")
# Spaces that are not U+0020 (no-break, narrow no-break, figure, thin...): one space each.
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def original_offsets(original: str, normal: str) -> list[int]:
    """For each offset into ``normal`` (``validate_text(original)``) and its end, the offset
    into ``original`` it stands for.

    The normalisation only removes invisible characters, writes odd spaces as a space and
    inserts spaces into very long runs, so one left-to-right walk aligns the two: a removed
    character is skipped, an inserted space maps to the character it was put before. Linear
    in the length of the text.
    """
    out = [0] * (len(normal) + 1)
    i = 0
    for j, ch in enumerate(normal):
        while i < len(original) and original[i] != ch and _INVISIBLE.match(original[i]) and \
                not (ch == " " and _ODD_SPACE.match(original[i])):
            i += 1
        out[j] = i
        if i < len(original) and (original[i] == ch or ch == " " and
                                  _ODD_SPACE.match(original[i])):
            i += 1
    out[len(normal)] = len(original)
    return out


def normalize_invisible(text: str) -> str:
    """Return ``text`` without invisible format characters (a soft hyphen inside
    "Shehbaz Sha\u00adrif" splits the name for the tokenizer) and with every kind of space
    written as an ordinary space. Visible text is unchanged."""
    return _ODD_SPACE.sub(" ", _INVISIBLE.sub("", text))


#: The longest run of characters without a space that reaches the tokenizer; longer runs
#: get a space every ``MAX_RUN`` characters (spaCy's tokenizer is quadratic in the length of
#: a run of punctuation: 10,000 "=" take 40 s, 156 runs of 64 take 5 ms).
MAX_RUN = 64
#: A web address up to this long is kept whole (the tokenizer matches it in one step).
MAX_URL = 512
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_URL_START = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def break_long_runs(text: str) -> str:
    """Return ``text`` with every run of more than ``MAX_RUN`` non-space characters broken
    by spaces (web addresses up to ``MAX_URL`` characters are kept), so the tokenizer's cost
    grows linearly with the length of any input. Ordinary prose comes back unchanged."""
    if not _LONG_RUN.search(text):
        return text

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        if len(run) <= MAX_URL and _URL_START.match(run):
            return run
        return " ".join(run[i:i + MAX_RUN] for i in range(0, len(run), MAX_RUN))

    return _LONG_RUN.sub(split, text)


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    controls = sum(
        1
        for ch in sample
        if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t\f"
    )
    return controls / max(1, len(sample))


#: Scripts that identify a language (or a family of them) by themselves: the first word of
#: the Unicode character name, and the name shown in the refusal.
_SCRIPTS = {
    "CYRILLIC": "Russian or another Cyrillic-script language",
    "ARABIC": "Arabic, Persian or Urdu",
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "GREEK": "Greek",
    "HEBREW": "Hebrew",
    "DEVANAGARI": "Hindi or another Devanagari-script language",
    "BENGALI": "Bengali",
    "THAI": "Thai",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
    "ETHIOPIC": "Amharic or another Ethiopic-script language",
    "TAMIL": "Tamil",
}
#: A language is identified when at least this share of the words are its function words,
#: this many times the share of English function words, with at least ``_MIN_DISTINCT``
#: different ones (names such as "de la Fuente" alone never make a text Spanish).
_MIN_SHARE = 0.2
_OVER_ENGLISH = 1.5
_MIN_DISTINCT = 4
#: Below this share of English function words the text is prose-poor (a table, a list of
#: names and scores, a dateline): analysed, with a warning.
_PROSE_SHARE = 0.12
_SAMPLE = 20_000


@dataclass(frozen=True)
class LanguageProfile:
    """A language's function words, from ``resources/languages.tsv``."""

    code: str
    name: str
    words: frozenset[str]
    letters: frozenset[str] = frozenset()

    def marks(self, word: str) -> bool:
        """Whether ``word`` is one of this language's function words or holds one of its
        own letters."""
        return word in self.words or any(ch in self.letters for ch in word)


@cache
def language_profiles() -> tuple[LanguageProfile, ...]:
    """Return the function-word profiles of the languages newslens recognises and refuses."""
    path = Path(__file__).resolve().parent / "resources" / "languages.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return tuple(LanguageProfile(code, name, frozenset(words.split()), frozenset(letters))
                 for code, name, words, letters, *_ in rows[1:])


def _script_language(text: str) -> str | None:
    """The language a text's script names, when most of its letters are in that script."""
    counts: Counter[str] = Counter()
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            continue
        script = unicodedata.name(ch, "").split(" ", 1)[0]
        if script in _SCRIPTS:
            counts[_SCRIPTS[script]] += 1
    if not counts or letters == 0:
        return None
    language, count = counts.most_common(1)[0]
    if sum(counts.values()) / letters > 0.5:
        return language
    return None


def identify_language(text: str) -> tuple[str | None, float]:
    """Return ``(language, english_share)``: the other language ``text`` is positively
    identified as (None when it is English or cannot be told), and the share of its words
    that are common English function words.

    A text is another language when most of its letters are in a script that English does
    not use, or when its words are mostly the function words of one language of
    ``language_profiles()`` and not of English.
    """
    sample = text[:_SAMPLE]
    words = _WORD_RE.findall(sample.lower())
    english = sum(1 for w in words if w in _ENGLISH_WORDS) / max(1, len(words))
    by_script = _script_language(sample)
    if by_script is not None:
        return by_script, english
    if not words:
        return None, english
    best, best_share = None, 0.0
    for profile in language_profiles():
        hits = [w for w in words if profile.marks(w)]
        share = len(hits) / len(words)
        if share > best_share and len(set(hits)) >= _MIN_DISTINCT:
            best, best_share = profile.name, share
    if best is not None and best_share >= _MIN_SHARE and best_share > _OVER_ENGLISH * english:
        return best, english
    return None, english


def language_warning(text: str) -> str | None:
    """Return a warning for English text with little prose (a results table, a list of
    names, a dateline with a few words), which is analysed but may be read less well; None
    for ordinary prose. Text in another language is refused by ``validate_text`` instead."""
    return _prose_warning(*identify_language(text))


def _prose_warning(language: str | None, english: float) -> str | None:
    if language is None and english < _PROSE_SHARE:
        return (
            f"Only {english:.0%} of the words are common English words: the text looks like "
            "a table, a list or a few short items, and is analysed as English news, but "
            "names and dates in it may be read less well."
        )
    return None


def _check_english(text: str, name: str, warnings: list[str] | None = None) -> None:
    language, english = identify_language(text)
    if language is not None:
        raise NewslensError(
            f"{name} looks like {language}, not English; newslens reads English news only."
        )
    if warnings is not None:
        warning = _prose_warning(language, english)
        if warning is not None:
            warnings.append(f"{name}: {warning}")


def decode_bytes(data: bytes, *, name: str = "The file") -> str:
    """Decode file bytes as UTF-8 (or UTF-16 with a byte order mark, or Windows-1252).

    Raises:
        NewslensError: the bytes are binary or in no encoding newslens reads.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NewslensError(f"{name} claims to be UTF-16 but cannot be decoded.") from None
    if b"\x00" in data[:8192]:
        raise NewslensError(f"{name} is a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise NewslensError(
            f"{name} is not valid UTF-8 text; save it as UTF-8 and try again."
        ) from None
    if _control_ratio(text) > 0.01:
        raise NewslensError(f"{name} is not valid UTF-8 text; save it as UTF-8 and try again.")
    return text


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


#: The longest title kept, in characters; longer ones are cut with an ellipsis.
MAX_TITLE = 300
# Control characters (terminal escapes, NUL) and bidirectional overrides and isolates,
# which can make a title read differently from what it holds.
_ANSI_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")
_TITLE_JUNK = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


# Control characters (terminal escape sequences start with ESC) and bidi overrides, which an
# article could use to rewrite the user's terminal or disguise what it shows.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Return ``text`` with control characters and bidi overrides shown as ``?``."""
    return _UNPRINTABLE.sub("?", text)


def clean_title(title: object) -> str | None:
    """Return a title fit to show anywhere: one line, no control characters or bidi
    overrides, at most ``MAX_TITLE`` characters; None when nothing is left."""
    if title is None:
        return None
    text = " ".join(_TITLE_JUNK.sub(" ", _ANSI_SEQUENCE.sub("", str(title))).split())
    if len(text) > MAX_TITLE:
        text = text[: MAX_TITLE - 1].rstrip() + "…"
    return text or None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` block of ``key: value`` lines from the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end():].lstrip("\n")


def read_bytes(data: bytes, name: str) -> SourceText:
    """Read an uploaded or stored file's bytes by its name's suffix into ``SourceText``.

    Raises:
        NewslensError: unsupported type, too large, binary, undecodable, empty, not English.
    """
    label = f"'{name}'"
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise NewslensError(
            f"{label} is a {suffix or 'suffix-less'} file; newslens reads "
            f"{', '.join(SUPPORTED_SUFFIXES)}."
        )
    if len(data) > MAX_FILE_BYTES:
        raise NewslensError(
            f"{label} is {len(data) / 1_048_576:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1_048_576} MB per file."
        )
    if not data.strip():
        raise NewslensError(f"{label} is empty.")
    title: str | None = None
    if suffix in PDF_SUFFIXES:
        text, title = pdf_text_and_title(data, name=label)
    else:
        if data.startswith(b"%PDF-"):
            raise NewslensError(f"{label} is a PDF saved under a {suffix} name; rename it .pdf.")
        text = decode_bytes(data, name=label)
        if suffix in HTML_SUFFIXES:
            text, title = html_to_text(text)
    meta, text = split_front_matter(text)
    text = validate_text(text, name=label)
    try:
        published = parse_date(meta.get("published") or meta.get("date"))
    except NewslensError as err:
        raise NewslensError(f"{label}: the front matter date is wrong. {err}") from None
    return SourceText(
        text=text,
        title=clean_title(meta.get("title") or title),
        published=published,
        name=name,
    )


class FileTooLarge(NewslensError):
    """A file over ``MAX_FILE_BYTES``."""


class NotAFile(NewslensError):
    """A path that is missing, unreadable, or not a regular file (a pipe, device, socket)."""


def read_file_bytes(path: str | Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of a regular file of at most ``limit`` bytes.

    The file is opened without blocking and checked on the open descriptor, so a FIFO never
    hangs the reader, a device (``/dev/zero``, also behind a link) is never read, and a file
    that grows while it is read is cut at ``limit + 1`` bytes and refused.

    Raises:
        NotAFile: the path is missing, unreadable, or not a regular file.
        FileTooLarge: the file is over ``limit`` bytes.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise NotAFile(f"'{path}' is not a file.") from None
    except OSError as err:
        raise NotAFile(f"Cannot read '{path}': {err.strerror}.") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "a pipe, device or socket"
        raise NotAFile(f"'{path}' is not a file ({what}); newslens reads regular files only.")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise FileTooLarge(_too_large(path.name, info.st_size, limit))
        try:
            data = handle.read(limit + 1)
        except OSError as err:
            raise NotAFile(f"Cannot read '{path}': {err.strerror}.") from None
    if len(data) > limit:
        raise FileTooLarge(_too_large(path.name, len(data), limit))
    return data


def _too_large(name: str, size: int, limit: int) -> str:
    return (f"'{name}' is {size / 1_048_576:.1f} MB or more; the limit is "
            f"{limit // 1_048_576} MB per file.")


def read_path(path: str | Path) -> SourceText:
    """Read an article file from disk (see ``read_bytes``); only regular files are read."""
    path = Path(path)
    return read_bytes(read_file_bytes(path), path.name)
