"""Readers for batch ingest: folders of article files, JSONL and CSV, streamed as ``Item``s.

Article files are .txt, .md, .html and .pdf (front matter gives title and date); JSONL files
hold one JSON object per line and CSV files a header row, with text, title, date and url
columns whose names can be changed (``Columns``). Everything is streamed: a collection
larger than memory is fine. What cannot be used becomes a ``Skip`` with a reason
(``REASONS``), never an exception and never a silent drop.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from .engines import Item, Skip
from .errors import NewslensError
from .limits import MAX_CHARS
from .textio import (
    HTML_SUFFIXES,
    PDF_SUFFIXES,
    SUPPORTED_SUFFIXES,
    FileTooLarge,
    clean_title,
    decode_bytes,
    html_to_text,
    parse_date,
    read_bytes,
    read_file_bytes,
    split_front_matter,
    validate_text,
)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)

#: Why an input was not stored, in the order the summary lists them.
REASONS = (
    "already stored",
    "duplicate",
    "empty",
    "too long",
    "undecodable",
    "bad date",
    "bad row",
    "rejected text",
    "unsupported file",
    "unreadable",
    "missing path",
    "analysis failed",
)
#: Reasons that mean something went wrong (the command exits with status 1).
ERROR_REASONS = frozenset({"missing path", "unreadable", "analysis failed"})

# Texts that decode with surrogateescape keep undecodable bytes as lone surrogates.
_SURROGATE = re.compile("[\ud800-\udfff]")
# A CSV field may hold a whole article; the csv module's default limit is 128 KiB.
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Columns:
    """Names of the JSONL/CSV fields; ``date`` falls back to ``published`` when absent."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname
    except ValueError:
        # A malformed address ("http://[::1") gives no source; the article is kept.
        return None
    return host.removeprefix("www.") if host else None


def item_from_record(
    record: object,
    origin: str,
    *,
    columns: Columns = Columns(),  # noqa: B008  (frozen, so a shared default is safe)
    published: dt.date | None = None,
    source: str | None = None,
) -> Item | Skip:
    """Check one JSONL object or CSV row and return it as an ``Item``, or why it is skipped.

    Args:
        record: the parsed row (a mapping of column name to value).
        origin: where it came from, for the report (``file.csv row 12``).
        columns: the field names to read.
        published: the date for rows without one.
        source: the source to record; the URL's host (or nothing) when None.
    """
    if not isinstance(record, dict):
        return Skip(origin, "bad row", f"expected an object with a '{columns.text}' field, "
                                       f"got {type(record).__name__}")
    if columns.text not in record:
        fields = ", ".join(sorted(map(str, record))) or "none"
        return Skip(origin, "bad row", f"no '{columns.text}' field (fields: {fields}); "
                                       "name the text field with --text-column")
    text = record[columns.text]
    if text is None or (isinstance(text, str) and not text.strip()):
        return Skip(origin, "empty", "the text is empty")
    if not isinstance(text, str):
        return Skip(origin, "bad row", f"the text is a {type(text).__name__}, not a string")
    if _SURROGATE.search(text):
        return Skip(origin, "undecodable", "the text is not valid UTF-8")
    if len(text) > MAX_CHARS:
        return Skip(origin, "too long", f"{len(text):,} characters; the limit is {MAX_CHARS:,}")
    date = _record_date(record, origin, columns, published)
    if isinstance(date, Skip):
        return date
    try:
        # The text as analysed (long runs broken), so the id here is the Article's id.
        text = validate_text(text, name="The text")
    except NewslensError as err:
        return Skip(origin, "rejected text", str(err))
    title = record.get(columns.title)
    url = record.get(columns.url)
    if any(isinstance(value, str) and _SURROGATE.search(value) for value in (title, url)):
        return Skip(origin, "undecodable", "the title or url is not valid UTF-8")
    title = clean_title(title) if title not in (None, "") else None
    url = str(url).strip() or None if url not in (None, "") else None
    return Item(text=text, published=date, title=title, url=url,
                source=source or _host(url), origin=origin)


def _record_date(record: dict, origin: str, columns: Columns,
                 published: dt.date | None) -> dt.date | None | Skip:
    """The date a row gives (its date column, else "published" when the date column is the
    default), ``published`` when it gives none, or why the row is skipped."""
    raw_date = record.get(columns.date)
    if raw_date in (None, "") and columns.date == Columns.date:
        raw_date = record.get("published")
    if raw_date in (None, ""):
        return published
    if not isinstance(raw_date, str):
        return Skip(origin, "bad date", f"the date {raw_date!r} is not YYYY-MM-DD text")
    try:
        return parse_date(raw_date)
    except NewslensError as err:
        return Skip(origin, "bad date", str(err))


def _diagnose(data: bytes, suffix: str) -> str:
    """Return the reason ``read_bytes`` refused a file's bytes (its message says the details)."""
    if not data.strip():
        return "empty"
    if suffix in PDF_SUFFIXES:
        return "unreadable"
    try:
        text = decode_bytes(data)
    except NewslensError:
        return "undecodable"
    if suffix in HTML_SUFFIXES:
        text, _ = html_to_text(text)
    meta, body = split_front_matter(text)
    if not body.strip():
        return "empty"
    if len(body) > MAX_CHARS:
        return "too long"
    try:
        parse_date(meta.get("published") or meta.get("date"))
    except NewslensError:
        return "bad date"
    return "rejected text"


def read_article_file(
    path: Path, *, published: dt.date | None = None, source: str | None = None
) -> Item | Skip:
    """Read one article file (front matter supported) as an ``Item``, or why it is skipped.

    Only regular files are read (see ``read_file_bytes``), at most ``MAX_FILE_BYTES``.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return Skip(str(path), "unsupported file", f"not an article file ({suffix or 'no suffix'})")
    try:
        data = read_file_bytes(path)
    except FileTooLarge as err:
        return Skip(str(path), "too long", str(err))
    except NewslensError as err:
        return Skip(str(path), "unreadable", str(err))
    try:
        found = read_bytes(data, path.name)
    except NewslensError as err:
        return Skip(str(path), _diagnose(data, suffix), str(err))
    return Item(text=found.text, published=found.published or published, title=found.title,
                url=None, source=source, origin=str(path))


def _text_encoding(path: Path) -> str:
    """The encoding to read a JSONL or CSV file with: UTF-16 when it starts with a UTF-16 byte
    order mark, else UTF-8 (with or without its BOM)."""
    with path.open("rb") as handle:
        head = handle.read(2)
    return "utf-16" if head in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"


def _lines(path: Path) -> Iterator[bytes]:
    """The lines of a JSONL file as UTF-8 bytes (a UTF-16 file is re-encoded line by line)."""
    if _text_encoding(path) == "utf-16":
        with path.open(encoding="utf-16", errors="surrogatepass", newline="") as handle:
            for line in handle:
                yield line.encode("utf-8", "surrogatepass")
        return
    with path.open("rb") as handle:
        yield from handle


def read_jsonl(
    path: Path, *, columns: Columns, published: dt.date | None, source: str | None
) -> Iterator[Item | Skip]:
    """Yield the articles of a JSONL file, one per line; bad lines become ``Skip``s."""
    if not _is_regular(path):
        yield Skip(str(path), "unreadable", "not a regular file (a pipe, device or socket)")
        return
    number = 0
    try:
        for number, raw in enumerate(_lines(path), start=1):
            origin = f"{path}:{number}"
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield Skip(origin, "undecodable", "the line is not valid UTF-8")
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                message = getattr(err, "msg", str(err))
                column = getattr(err, "colno", None)
                where = f" at column {column}" if column else ""
                yield Skip(origin, "bad row", f"not valid JSON ({message}{where})")
                continue
            except RecursionError:
                yield Skip(origin, "bad row", "the JSON is nested too deeply to read")
                continue
            yield item_from_record(record, origin, columns=columns, published=published,
                                   source=source)
    except OSError as err:
        yield Skip(f"{path}:{number + 1}", "unreadable",
                   f"cannot read on from here ({err.strerror}); the rows before were kept")


def read_csv(
    path: Path, *, columns: Columns, published: dt.date | None, source: str | None
) -> Iterator[Item | Skip]:
    """Yield the articles of a CSV file with a header row; bad rows become ``Skip``s."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    if not _is_regular(path):
        yield Skip(str(path), "unreadable", "not a regular file (a pipe, device or socket)")
        return
    try:
        # surrogateescape keeps going past bad bytes; the rows holding them are skipped.
        encoding = _text_encoding(path)
        # UTF-16 keeps bad code units as lone surrogates with surrogatepass.
        errors = "surrogatepass" if encoding == "utf-16" else "surrogateescape"
        handle = path.open(encoding=encoding, errors=errors, newline="")
    except OSError as err:
        yield Skip(str(path), "unreadable", f"cannot open: {err.strerror}")
        return
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if header is None:
                yield Skip(str(path), "empty", "the CSV file is empty")
                return
            header = [h.strip() for h in header]
            if columns.text not in header:
                yield Skip(str(path), "bad row",
                           f"the header has no '{columns.text}' column (columns: "
                           f"{', '.join(header)}); name it with --text-column")
                return
            for number, row in enumerate(reader, start=1):
                origin = f"{path} row {number}"
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    yield Skip(origin, "bad row",
                               f"{len(row)} fields where the header has {len(header)}")
                    continue
                yield item_from_record(dict(zip(header, row, strict=True)), origin,
                                       columns=columns, published=published, source=source)
        except csv.Error as err:
            # The csv module cannot resynchronise after a malformed record: report the rest.
            yield Skip(f"{path} line {reader.line_num}", "bad row",
                       f"cannot parse the CSV from here on ({err}); the rest of the file was "
                       "not read")
        except (OSError, UnicodeError) as err:
            yield Skip(f"{path} line {reader.line_num}", "unreadable",
                       f"cannot read on from here ({err}); the rows before were kept")


def _is_regular(path: Path) -> bool:
    """Whether ``path`` is a regular file (after links), checked without opening it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _walk(folder: Path) -> Iterator[Path | Skip]:
    """The files under ``folder`` in name order, and a ``Skip`` for every sub-folder that
    cannot be listed and every link that leads out of the folder."""
    errors: list[OSError] = []
    top = folder.resolve()
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        while errors:
            err = errors.pop(0)
            yield Skip(str(err.filename or root), "unreadable",
                       f"cannot list the folder: {err.strerror}")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.is_symlink() and top not in path.resolve().parents:
                yield Skip(str(path), "unreadable",
                           "a link to a file outside the folder; newslens does not follow it")
                continue
            yield path
    for err in errors:
        yield Skip(str(err.filename or folder), "unreadable",
                   f"cannot list the folder: {err.strerror}")


def _read_folder(folder: Path, *, published: dt.date | None, source: str
                 ) -> Iterator[Item | Skip]:
    """Yield every article file under ``folder`` (see ``read_inputs``), or why it is skipped."""
    for file in _walk(folder):
        if isinstance(file, Skip):
            yield file
            continue
        suffix = file.suffix.lower()
        if suffix in SUPPORTED_SUFFIXES:
            yield read_article_file(file, published=published, source=source)
        else:
            hint = (" (name JSONL and CSV files explicitly to read them)"
                    if suffix in JSONL_SUFFIXES + CSV_SUFFIXES else "")
            yield Skip(str(file), "unsupported file", f"not an article file{hint}")


def read_inputs(
    paths: Iterable[str | Path],
    *,
    columns: Columns = Columns(),  # noqa: B008  (frozen, so a shared default is safe)
    published: dt.date | None = None,
    source: str | None = None,
) -> Iterator[Item | Skip]:
    """Yield every article (or reason to skip) from files, folders, JSONL and CSV files.

    Folders give their article files (.txt, .md, .html, .pdf), recursively, in name order;
    name JSONL and CSV files explicitly. ``source`` defaults to the URL's host, else the
    name of the folder or file given.
    """
    for given in paths:
        path = Path(given)
        # The folder's or file's own name (the folder for "." too).
        label = source or (path.name if path.is_dir() else path.stem) or path.resolve().name
        if not path.exists():
            yield Skip(str(path), "missing path", "no such file or folder")
        elif path.is_dir():
            yield from _read_folder(path, published=published, source=label)
        else:
            suffix = path.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                rows = read_jsonl(path, columns=columns, published=published, source=source)
            elif suffix in CSV_SUFFIXES:
                rows = read_csv(path, columns=columns, published=published, source=source)
            else:
                rows = iter([read_article_file(path, published=published, source=label)])
            for row in rows:
                if isinstance(row, Item) and row.source is None:
                    row = Item(row.text, row.published, row.title, row.url, label, row.origin)
                yield row


# -- analysis ------------------------------------------------------------------------------
