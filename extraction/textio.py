"""Turning what a user hands over (text, bytes, files) into article text, or a clear refusal.

HTML is reduced to its text and never executed; PDF is read with pypdf when it is installed.
Files may start with a small front matter block giving ``title`` and ``published``::

    ---
    title: Last remaining US diplomats leave Venezuela
    published: 2019-03-14
    ---

This module reads files and uploads (``read_path``, ``read_bytes``), dates, titles and
front matter; it builds on ``extraction.validation`` (decoding bytes, refusing or
normalising text), ``extraction.language`` (which language a text is in) and
``extraction.documents`` (HTML and PDF to text), and re-exports the names of theirs that
callers import from here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .documents import html_to_text, pdf_text_and_title, pdf_to_text
from .errors import NewslensError
from .language import identify_language, language_warning
from .limits import MAX_FILE_BYTES
from .validation import MAX_RUN, break_long_runs, decode_bytes, original_offsets, validate_text

#: What this module gives, its own and re-exported (the names callers import from it).
__all__ = [
    "HTML_SUFFIXES", "MAX_RUN", "MAX_TITLE", "PDF_SUFFIXES", "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES", "FileTooLarge", "NotAFile", "SourceText", "break_long_runs",
    "clean_title", "decode_bytes", "html_to_text", "identify_language", "language_warning",
    "original_offsets", "parse_date", "pdf_text_and_title", "pdf_to_text", "read_bytes",
    "read_file_bytes", "read_path", "split_front_matter", "terminal_safe", "validate_text",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES


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
