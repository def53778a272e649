"""Writing the store's tables for other tools: Parquet, CSV (cells a spreadsheet would run
as formulas neutralised) or JSONL, each table from one snapshot."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NewslensError
from .rows import article_rows
from .schema import CORRECTIONS, TABLES, named

if TYPE_CHECKING:
    from . import Store

def export_tables(store: Store, out: str | Path, *, fmt: str = "parquet",
                  corrected: bool = False) -> dict[str, Path]:
    """Write every store table to ``out/<table>.<fmt>``; return the files written.

    The ``corrections`` table is written when the store holds corrections (undone ones
    included). The analysis tables hold what was extracted, so that an import of the export
    keeps every correction undoable; with ``corrected`` they hold the analyses with the
    corrections applied instead, for tools that read the export (an import of that works
    too: applying a correction twice changes nothing).

    Args:
        store: the store to read (a consistent snapshot per table).
        out: the folder to write into (created if missing).
        fmt: ``parquet`` (needs pyarrow), ``csv`` (with a header) or ``jsonl``.
        corrected: write the analyses with the corrections applied.

    Raises:
        NewslensError: an unknown format, pyarrow missing, or the folder cannot be written.
    """
    if fmt not in ("parquet", "csv", "jsonl"):
        raise NewslensError(f"Unknown export format '{fmt}': use parquet, csv or jsonl.")
    writer = {"parquet": _write_parquet, "csv": _write_csv, "jsonl": _write_jsonl}[fmt]
    if fmt == "parquet":
        _need_pyarrow()
    folder = Path(out)
    written: dict[str, Path] = {}
    temporary: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Every table goes to a temporary file first; they are renamed into place only when
        # all were written, so a failed export never leaves partial or mixed files.
        tables = [*TABLES, CORRECTIONS] if store.corrections_stamp()[0] else list(TABLES)
        for table in tables:
            target = folder / f"{table}.{fmt}"
            tmp = folder / f".{table}.{fmt}.{os.getpid()}.tmp"
            temporary.append(tmp)
            chunks = (_corrected_chunks(store, table) if corrected and table != CORRECTIONS
                      else store.table_rows(table))
            writer(tmp, store.table_columns(table), chunks)
            written[table] = target
        for table, target in written.items():
            os.replace(folder / f".{table}.{fmt}.{os.getpid()}.tmp", target)
    except OSError as err:
        raise NewslensError(f"Cannot write the export to '{folder}': {err.strerror}.") from None
    except sqlite3.DatabaseError as err:
        raise NewslensError(
            f"The store '{store.path}' is damaged ({err}); nothing was exported. Restore it "
            "from a backup, or ingest the sources again into a new --store."
        ) from None
    finally:
        for tmp in temporary:
            tmp.unlink(missing_ok=True)
    return written


def _corrected_chunks(store: Store, table: str, chunk: int = 200
                      ) -> Iterator[list[tuple[Any, ...]]]:
    """A table's rows as ``table_rows`` gives them, from the corrected analyses."""
    conn = store._conn()
    ids = [r["id"] for r in named(conn, "SELECT id FROM articles ORDER BY id")]
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        marks = ",".join("?" * len(part))
        origin = {r["id"]: r for r in named(
            conn, f"SELECT id, source, url, added_at FROM articles WHERE id IN ({marks})", part)}
        rows: list[tuple[Any, ...]] = []
        for article in store._load(conn, part, corrected=True):
            head = origin[article.id]
            rows.extend(article_rows(article, source=head["source"], url=head["url"],
                                     added_at=head["added_at"])[table])
        if rows:
            yield rows


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise NewslensError(
            "Parquet needs pyarrow: pip install 'newslens[scale]', or use --format csv/jsonl."
        ) from None


def _plain(value: Any, kind: str) -> Any:
    return bool(value) if kind == "BOOLEAN" and value is not None else value


#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralise a CSV cell a spreadsheet would run as a formula; other values pass as they are.

    A string starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading single quote (OWASP's rule), so ``=cmd|...`` or ``@HYPERLINK(...)`` is shown as
    text. Numbers are never strings here, so a negative score stays a number.
    """
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(path: Path, columns: list[tuple[str, str]], chunks: Iterable[list[tuple]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([csv_safe(name) for name, _ in columns])
        for chunk in chunks:
            # Only CSV is neutralised: JSONL and Parquet are read by programs and keep the
            # raw value.
            out.writerows([csv_safe(value) for value in row] for row in chunk)


def _write_jsonl(path: Path, columns: list[tuple[str, str]], chunks: Iterable[list[tuple]]
                 ) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for chunk in chunks:
            for row in chunk:
                record = {
                    name: _plain(value, kind)
                    for (name, kind), value in zip(columns, row, strict=True)
                }
                if "evidence" in record:
                    record["evidence"] = json.loads(record["evidence"])
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def arrow_schema(columns: list[tuple[str, str]]) -> Any:
    """Return the pyarrow schema for store columns (declared SQLite type -> Arrow type)."""
    import pyarrow as pa

    types = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(),
             "BOOLEAN": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def _write_parquet(path: Path, columns: list[tuple[str, str]], chunks: Iterable[list[tuple]]
                   ) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    kinds = [kind for _, kind in columns]
    # Written in row groups as read, so exporting a big store needs little memory.
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in chunks:
            cols = list(zip(*chunk, strict=True))
            arrays = [
                pa.array([_plain(v, kind) for v in col], type=schema.field(i).type)
                for i, (col, kind) in enumerate(zip(cols, kinds, strict=True))
            ]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
