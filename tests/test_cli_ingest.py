"""``newslens ingest`` and ``newslens export``; a killed ingest leaves no partial article."""

from __future__ import annotations

import csv
import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extraction import analyze_many
from extraction.cli import main
from extraction.ingest import InProcessEngine, ingest
from extraction.store import TABLES, Store

ROOT = Path(__file__).resolve().parent.parent

BODY = (
    "Ministers from Ghana and Nigeria met in Accra on Wednesday and agreed to reopen the "
    "border for trade, a spokesman for the foreign ministry said. The two governments will "
    "meet again in March."
)


def text(n: int) -> str:
    return f"Bulletin {n}. {BODY}"


@pytest.fixture
def inputs(tmp_path) -> list[str]:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "one.txt").write_text(f"---\ntitle: One\npublished: 2023-05-03\n---\n{text(1)}",
                                    encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": text(2), "date": "2023-05-04", "url": "https://ex.org/2"})
        + "\n{broken\n", encoding="utf-8",
    )
    table = tmp_path / "table.csv"
    with table.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["url", "date", "title", "text"])
        out.writerow(["https://ex.org/3", "2023-05-05", "Three", text(3)])
        out.writerow(["https://ex.org/4", "2023-05-06", "Four", "only", "too many"])
    return [str(folder), str(feed), str(table)]


def test_cli_ingest_reports_and_skips(tmp_path, inputs, capsys):
    store = tmp_path / "s.sqlite"
    log = tmp_path / "skipped.jsonl"
    assert main(["ingest", *inputs, "--store", str(store), "--quiet",
                 "--skipped", str(log)]) == 0
    err = capsys.readouterr().err
    assert "Stored 3 articles" in err
    assert "Skipped 3: empty 1, bad row 2." in err
    assert "feed.jsonl:2" in err and "table.csv row 2" in err
    assert sorted(json.loads(line)["reason"] for line in log.read_text().splitlines()) == [
        "bad row", "bad row", "empty"
    ]
    with Store(store) as s:
        assert s.count() == 3
        assert s.sources() == ["ex.org", "folder"]
    assert main(["ingest", *inputs, "--store", str(store), "--quiet"]) == 0
    assert "already stored 3" in capsys.readouterr().err


def test_cli_ingest_uses_store_from_environment(tmp_path, inputs, monkeypatch, capsys):
    monkeypatch.setenv("NEWSLENS_STORE", str(tmp_path / "env" / "corpus.sqlite"))
    assert main(["ingest", inputs[0], "--quiet", "--published", "2023-01-01"]) == 0
    assert str(tmp_path / "env" / "corpus.sqlite") in capsys.readouterr().err
    with Store() as s:
        assert s.count() == 1


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_cli_export_writes_every_table(tmp_path, inputs, capsys, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    store = tmp_path / "s.sqlite"
    assert main(["ingest", *inputs, "--store", str(store), "--quiet"]) == 0
    out = tmp_path / "out"
    assert main(["export", "--format", fmt, "--out", str(out), "--store", str(store)]) == 0
    assert "Exported 3 articles" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    target = out / f"articles.{fmt}"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(target).to_pylist()
    elif fmt == "csv":
        with target.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    else:
        rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["title"] or "" for r in rows) == ["", "One", "Three"]
    assert {str(r["published"]) for r in rows} == {"2023-05-03", "2023-05-04", "2023-05-05"}
    if fmt != "csv":
        assert {r["published_inferred"] for r in rows} == {False}


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["ingest", "{tmp}/nowhere", "--quiet"], 1, "missing path 1"),
        (["ingest", "{tmp}", "--published", "14 March"], 2, "is not a date"),
        (["ingest", "{tmp}", "--scheduler", "tcp://127.0.0.1:1"], 2, "need --engine dask"),
        (["ingest", "{tmp}", "--store", "{tmp}"], 2, "is a folder"),
        (["export", "--out", "{tmp}/out"], 2, "no store at"),
    ],
)
def test_cli_ingest_and_export_errors_are_messages(
    tmp_path, capsys, monkeypatch, argv, status, message
):
    monkeypatch.setenv("NEWSLENS_STORE", str(tmp_path / "missing.sqlite"))
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == status
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_cli_ingest_rejects_bad_worker_count(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ingest", "x", "--workers", "0"])
    assert exc.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def _count(store: Path) -> int:
    try:
        with sqlite3.connect(store, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_cli_killed_ingest_leaves_no_partial_article_and_resumes(tmp_path, nlp):
    total = 150
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"text": text(n), "date": "2023-05-03"}) + "\n" for n in range(total)),
        encoding="utf-8",
    )
    expected = {
        a.id: a
        for a in analyze_many(
            ({"text": text(n), "published": "2023-05-03"} for n in range(total)), nlp=nlp
        )
    }
    store = tmp_path / "s.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "extraction.cli", "ingest", str(feed), "--store", str(store),
         "--batch-size", "1", "--quiet"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    reads = 0
    try:
        deadline = time.monotonic() + 120
        while _count(store) < 5:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the ingest did not store enough in time"
            if store.exists():
                # A reader in another process while the ingest writes: only whole articles.
                with Store(store) as reader:
                    for article in reader.articles():
                        assert article == expected[article.id]
                        reads += 1
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert reads > 0
    stored_before = _count(store)
    assert 5 <= stored_before < total, "the run finished before it could be killed"

    with Store(store) as s:
        # Every article stored before the kill is whole: equal to a fresh analysis.
        assert all(a == expected[a.id] for a in s.articles())
        report = ingest([feed], store=s, engine=InProcessEngine(nlp=nlp), progress=False)
        assert report.skipped["already stored"] == stored_before
        assert report.stored == total - stored_before
        assert sorted(s.articles(), key=lambda a: a.id) == sorted(
            expected.values(), key=lambda a: a.id
        )


def test_cli_ingest_with_the_dask_engine(tmp_path, inputs, capsys):
    pytest.importorskip("distributed")
    store = tmp_path / "dask.sqlite"
    assert main(["ingest", *inputs, "--store", str(store), "--engine", "dask",
                 "--workers", "1", "--partition-size", "2", "--quiet"]) == 0
    assert "Stored 3 articles" in capsys.readouterr().err
    with Store(store) as s:
        assert s.count() == 3


def test_cli_export_then_import_gives_the_same_articles(tmp_path, inputs, capsys):
    pytest.importorskip("pyarrow")
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    assert main(["ingest", *inputs, "--store", str(first), "--quiet"]) == 0
    out = tmp_path / "out"
    assert main(["export", "--out", str(out), "--store", str(first)]) == 0
    assert main(["import", str(out), "--store", str(second)]) == 0
    assert "Added 3 articles (0 already stored)" in capsys.readouterr().err
    assert main(["import", str(out), "--store", str(second)]) == 0
    assert "Added 0 articles (3 already stored)" in capsys.readouterr().err
    with Store(first) as a, Store(second) as b:
        assert b.articles() == a.articles()
        assert [b.origin(x.id) for x in b.articles()] == [a.origin(x.id) for x in a.articles()]
    assert main(["import", str(tmp_path), "--store", str(second)]) == 2
    assert "holds no newslens Parquet tables" in capsys.readouterr().err


def _fingerprint(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize("which", ["store", "store-wal", "feed", "inside folder"])
def test_cli_ingest_skipped_never_overwrites_the_store_or_an_input(
    tmp_path, inputs, capsys, which
):
    store = tmp_path / "s.sqlite"
    assert main(["ingest", inputs[1], "--store", str(store), "--quiet"]) == 0
    capsys.readouterr()
    before_store = _fingerprint(store)
    before_feed = _fingerprint(Path(inputs[1]))
    target = {
        "store": str(store),
        "store-wal": f"{store}-wal",
        "feed": inputs[1],
        "inside folder": str(Path(inputs[0]) / "log.jsonl"),
    }[which]
    assert main(["ingest", *inputs, "--store", str(store), "--quiet",
                 "--skipped", target]) == 2
    err = capsys.readouterr().err
    assert "Nothing was written" in err
    assert "Traceback" not in err
    assert _fingerprint(store) == before_store
    assert _fingerprint(Path(inputs[1])) == before_feed
    assert not (Path(inputs[0]) / "log.jsonl").exists()
    with Store(store) as s:
        assert s.count() == 1


def test_cli_ingest_skipped_log_is_replaced_whole(tmp_path, inputs, capsys):
    store = tmp_path / "s.sqlite"
    log = tmp_path / "skipped.jsonl"
    log.write_text("an older log\n", encoding="utf-8")
    assert main(["ingest", *inputs, "--store", str(store), "--quiet",
                 "--skipped", str(log)]) == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    assert "an older log" not in lines
    assert all(json.loads(line)["reason"] for line in lines)
    assert not list(tmp_path.glob(".skipped.jsonl.*.tmp"))


def test_cli_ingest_bad_rows_keep_the_rows_before_and_after(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    rows = [json.dumps({"text": text(1), "url": "http://[::1"}), "[" * 100_000,
            json.dumps({"text": text(2)})]
    feed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    table = tmp_path / "wide.csv"
    # UTF-16 with a lone surrogate in a title: the skip log must still be written.
    table.write_bytes("title,text\r\nOne,".encode("utf-16")
                      + f'"{text(3)}"\r\n'.encode("utf-16-le")
                      + b"\x00\xd8" + f',"{text(4)}"\r\n'.encode("utf-16-le"))
    store = tmp_path / "s.sqlite"
    log = tmp_path / "skipped.jsonl"
    code = main(["ingest", str(feed), str(table), "--store", str(store), "--quiet",
                 "--skipped", str(log)])
    assert code == 0
    assert _count(store) == 3
    skipped = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert [s["reason"] for s in skipped] == ["bad row", "undecodable"]
    assert "nested too deeply" in skipped[0]["message"]


def test_cli_ingest_sigterm_stops_like_ctrl_c_with_a_summary(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"text": text(n), "date": "2023-05-03"}) + "\n" for n in range(400)),
        encoding="utf-8",
    )
    store = tmp_path / "s.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "extraction.cli", "ingest", str(feed), "--store", str(store),
         "--batch-size", "1", "--quiet"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while _count(store) < 3:
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the ingest did not store enough in time"
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)
        err = proc.communicate(timeout=60)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert "Interrupted after storing" in err and "Traceback" not in err
    assert 3 <= _count(store) < 400


@pytest.mark.parametrize("flag", [[], ["--corrected"]])
def test_cli_export_corrected_applies_the_corrections(tmp_path, capsys, flag):
    from extraction.corrections import correct_entity
    from extraction.store import Store
    from tests.test_store import hand_article

    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        article = hand_article()
        store.add(article)
        store.add_correction(correct_entity(article, "e2", "country", "COL"))
    out = tmp_path / "out"
    assert main(["export", "--format", "csv", "--out", str(out), "--store", str(path),
                 *flag]) == 0
    with (out / "entities.csv").open(encoding="utf-8", newline="") as fh:
        countries = {r["canonical"]: r["country"] for r in csv.DictReader(fh)}
    assert countries["Juan Guaido"] == ("COL" if flag else "VEN")
    assert (out / "corrections.csv").is_file()
