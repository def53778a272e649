"""The Dask engine on a 2-worker LocalCluster (worker processes) gives the local engine's rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pa_parquet = pytest.importorskip("pyarrow.parquet")

from extraction.dask_engine import DaskEngine  # noqa: E402
from extraction.ingest import InProcessEngine, ingest  # noqa: E402
from extraction.store import TABLES, Store  # noqa: E402

BODIES = [
    "Chile said on Tuesday that it would send aid to Peru after the floods in the north.",
    "The United States imposed sanctions on Russia's central bank on Monday, officials said.",
    "Kenya and Ethiopia agreed on Friday to open a new border crossing for trade next year.",
    "India accused China of moving troops into the valley, and Beijing denied the charge.",
    "Brazil's president met the leaders of Argentina and Uruguay in Montevideo on Sunday.",
    "France recalled its ambassador from Mali after the government expelled French troops.",
]


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "feed.jsonl"
    rows = [
        {"text": f"{body} The announcement was made in the capital and the talks will go on "
                 "for several weeks, according to a statement from the foreign ministry.",
         "title": f"Story {n}", "date": f"2023-03-{10 + n:02d}", "url": f"https://ex.org/{n}"}
        for n, body in enumerate(BODIES)
    ]
    rows.append({"text": ""})  # skipped before it reaches the cluster
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_store(tmp_path_factory, feed, nlp):
    store = Store(tmp_path_factory.mktemp("local") / "local.sqlite")
    report = ingest([feed], store=store, engine=InProcessEngine(nlp=nlp), progress=False)
    assert report.stored == len(BODIES)
    yield store
    store.close()


def _rows(store: Store, table: str) -> list[tuple]:
    names = [name for name, _ in store.table_columns(table)]
    keep = [i for i, name in enumerate(names) if name != "added_at"]
    return [tuple(row[i] for i in keep) for chunk in store.table_rows(table) for row in chunk]


def test_dask_engine_matches_local_engine(tmp_path, feed, local_store):
    engine = DaskEngine(workers=2, batch_size=2, processes=True)
    assert engine.workers == 2
    with Store(tmp_path / "dask.sqlite") as store:
        # Partitions of 2: three tasks over two workers.
        report = ingest([feed], store=store, engine=engine, chunk_size=2, progress=False)
        assert report.stored == len(BODIES)
        assert dict(report.skipped) == {"empty": 1}
        assert sorted(store.articles(), key=lambda a: a.id) == sorted(
            local_store.articles(), key=lambda a: a.id
        )
        for table in TABLES:
            assert _rows(store, table) == _rows(local_store, table), table


def test_dask_engine_writes_parquet_on_workers(tmp_path, feed, local_store):
    out = tmp_path / "parquet"
    engine = DaskEngine(workers=2, batch_size=2, processes=True, output=out)
    with Store(tmp_path / "unused.sqlite") as store:
        report = ingest([feed], store=store, engine=engine, chunk_size=4, progress=False)
        assert report.stored == len(BODIES)
        assert store.count() == 0  # the articles went to Parquet, not to the store
    for table in TABLES:
        tables = [pa_parquet.read_table(p) for p in sorted((out / table).glob("*.parquet"))]
        assert len(tables) == 2  # one file per partition
        rows = [
            tuple(r[c] for c in t.column_names if c != "added_at")
            for t in tables
            for r in t.to_pylist()
        ]
        expected = _rows(local_store, table)

        def key(row: tuple) -> str:
            return repr(row[:3])  # article id, position (and entity position): unique

        # Booleans come back as bool from Parquet and as 0/1 from SQLite; they compare equal.
        assert sorted(rows, key=key) == sorted(expected, key=key), table
    with Store(tmp_path / "imported.sqlite") as imported:
        assert imported.import_parquet(out) == (len(BODIES), 0)
        assert imported.articles() == local_store.articles()


def test_dask_engine_reports_a_failed_task(tmp_path, feed):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    # Threads are enough here: this checks the client's handling, not the workers.
    engine = DaskEngine(workers=1, batch_size=2, processes=False, output=blocker)
    with Store(tmp_path / "s.sqlite") as store:
        report = ingest([feed], store=store, engine=engine, chunk_size=4, progress=False)
    assert report.stored == 0
    assert report.skipped["analysis failed"] == len(BODIES)
    assert "Dask task failed" in report.examples["analysis failed"][0].message
    assert report.failed
