"""Batch ingest: reading folders, JSONL and CSV, skipping with reasons, idempotence, engines."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from extraction import analyze
from extraction.errors import NewslensError
from extraction.ingest import (
    Columns,
    InProcessEngine,
    Item,
    ProcessPoolEngine,
    Skip,
    analyze_items,
    ingest,
    item_from_record,
    make_engine,
    read_inputs,
)
from extraction.limits import MAX_CHARS
from extraction.model import Article
from extraction.store import Store

PARAGRAPH = (
    "The foreign minister of Chile said on Tuesday that her government would send aid to "
    "Peru after the floods, and that the two countries had agreed to work together on the "
    "border. Officials in Lima thanked Santiago for the help."
)


def article_text(n: int) -> str:
    """A short, distinct English article (copy ``n``)."""
    return f"Report number {n}. {PARAGRAPH}"


def write_jsonl(path: Path, rows: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def reasons(entries) -> list[str]:
    return [e.reason if isinstance(e, Skip) else "ok" for e in entries]


def test_ingest_reads_an_article_folder(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(
        f"---\ntitle: Aid for Peru\npublished: 2023-03-14\n---\n{article_text(1)}\n",
        encoding="utf-8",
    )
    (folder / "sub" / "b.html").write_text(
        f"<html><head><title>Floods</title><script>alert(1)</script></head>"
        f"<body><p>{article_text(2)}</p></body></html>", encoding="utf-8",
    )
    (folder / "c.md").write_bytes(article_text(3).encode("cp1252"))
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "bad_bytes.txt").write_bytes(b"caf\x81 \x8d\x8f\x90\x9d " * 20)
    (folder / "long.txt").write_text("word " * (MAX_CHARS // 4), encoding="utf-8")
    (folder / "bad_date.txt").write_text(
        f"---\npublished: March 2023\n---\n{article_text(4)}", encoding="utf-8"
    )
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "index.jsonl").write_text("{}\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text(article_text(5), encoding="utf-8")

    entries = {Path(e.origin).name: e for e in read_inputs([folder])}
    assert {name: reasons([e])[0] for name, e in entries.items()} == {
        "a.txt": "ok", "b.html": "ok", "c.md": "ok", "empty.txt": "empty",
        "binary.txt": "undecodable", "bad_bytes.txt": "undecodable", "long.txt": "too long",
        "bad_date.txt": "bad date", "photo.png": "unsupported file",
        "index.jsonl": "unsupported file",
    }
    first = entries["a.txt"]
    assert (first.title, first.published, first.source) == (
        "Aid for Peru", dt.date(2023, 3, 14), "news"
    )
    assert entries["b.html"].title == "Floods"
    assert "alert" not in entries["b.html"].text
    assert "explicitly" in entries["index.jsonl"].message


def test_ingest_missing_path_is_reported(tmp_path):
    [entry] = read_inputs([tmp_path / "nowhere"])
    assert entry.reason == "missing path"


def test_ingest_jsonl_bad_rows_are_reported_and_skipped(tmp_path):
    rows = [
        {"text": article_text(1), "title": "One", "date": "2023-03-14",
         "url": "https://www.example.org/one"},
        "this is not json",
        "[1, 2, 3]",
        {"body": article_text(2)},
        {"text": "   "},
        {"text": 42},
        {"text": article_text(3), "date": "14/03/2023"},
        {"text": article_text(4), "date": 20230314},
        {"text": "x " * (MAX_CHARS // 2 + 1)},
        {"text": "Le gouvernement du Chili a annoncé mardi une aide au Pérou après les "
                 "inondations dans le nord du pays et les deux pays vont travailler "
                 "ensemble sur la frontière selon le ministre des affaires étrangères."},
        {"text": article_text(5), "published": "2023-03-15"},
        {"text": article_text(6)},
    ]
    path = write_jsonl(tmp_path / "feed.jsonl", rows)
    with path.open("ab") as fh:
        fh.write(b'{"text": "caf\xff"}\n')
    entries = list(read_inputs([path], published=dt.date(2020, 1, 1)))
    assert reasons(entries) == [
        "ok", "bad row", "bad row", "bad row", "empty", "bad row", "bad date", "bad date",
        "too long", "rejected text", "ok", "ok", "undecodable",
    ]
    assert entries[0].origin.endswith("feed.jsonl:1")
    assert entries[1].origin.endswith("feed.jsonl:2")
    assert (entries[0].title, entries[0].published, entries[0].url, entries[0].source) == (
        "One", dt.date(2023, 3, 14), "https://www.example.org/one", "example.org"
    )
    assert "--text-column" in entries[3].message
    assert entries[10].published == dt.date(2023, 3, 15)  # "published" when "date" is absent
    assert entries[11].published == dt.date(2020, 1, 1)  # the default from --published
    assert entries[11].source == "feed"


def test_ingest_csv_bad_rows_are_reported_and_skipped(tmp_path):
    path = tmp_path / "wire.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["link", "day", "headline", "body"])
        out.writerow(["https://example.org/1", "2023-03-14", "One", article_text(1)])
        out.writerow(["https://example.org/2", "2023-03-14", "Two"])
        out.writerow(["https://example.org/3", "not a date", "Three", article_text(3)])
        out.writerow(["", "", "", ""])
        out.writerow(["https://example.org/4", "", "Four", ""])
        out.writerow(["https://example.org/5", "2023-03-16", "Five", article_text(5)])
    with path.open("ab") as fh:
        fh.write(b'https://example.org/6,2023-03-17,Six,"caf\xff au lait"\r\n')
        fh.write(b'https://example.org/7,2023-03-18,Sev\xffen,"' + article_text(7).encode()
                 + b'"\r\n')
    columns = Columns(text="body", title="headline", date="day", url="link")
    entries = list(read_inputs([path], columns=columns))
    assert reasons(entries) == [
        "ok", "bad row", "bad date", "empty", "ok", "undecodable", "undecodable"
    ]
    assert entries[0].origin.endswith("wire.csv row 1")
    assert (entries[0].title, entries[0].published, entries[0].url) == (
        "One", dt.date(2023, 3, 14), "https://example.org/1"
    )
    assert "3 fields where the header has 4" in entries[1].message
    # Without the column names the whole file is refused once, with a hint.
    [refused] = read_inputs([path])
    assert refused.reason == "bad row" and "--text-column" in refused.message


def test_ingest_record_must_be_an_object():
    assert item_from_record("text", "x:1").reason == "bad row"


def test_ingest_analyze_items_equals_analyze(nlp):
    items = [Item(article_text(n), dt.date(2023, 3, 14), f"T{n}", None, None, f"i{n}")
             for n in range(3)]
    results = analyze_items(nlp, items, batch_size=2)
    expected = [analyze(i.text, published=i.published, title=i.title, nlp=nlp) for i in items]
    assert results == expected
    assert [r.id for r in results] == [i.id for i in items]


def test_ingest_analyze_items_runs_in_a_memory_zone(nlp):
    word = "Zorblaxian"
    assert word not in nlp.vocab.strings
    analyze_items(nlp, [Item(f"{word} officials met. {PARAGRAPH}", None, None, None, None, "m")])
    # Strings interned inside the zone are released with it: memory stays flat.
    assert word not in nlp.vocab.strings


def test_ingest_analysis_failure_skips_only_that_article(nlp, monkeypatch):
    import extraction

    real = extraction.analyze

    def failing_many(*args, **kwargs):
        raise RuntimeError("component crashed")
        yield  # pragma: no cover  (a generator, like the real one)

    def failing_one(text, **kwargs):
        if "number 1." in text:
            raise RuntimeError("component crashed")
        return real(text, **kwargs)

    monkeypatch.setattr(extraction, "analyze_many", failing_many)
    monkeypatch.setattr(extraction, "analyze", failing_one)
    items = [Item(article_text(n), None, None, None, None, f"i{n}") for n in range(3)]
    results = analyze_items(nlp, items)
    assert reasons(results) == ["ok", "analysis failed", "ok"]
    assert "component crashed" in results[1].message


def test_ingest_is_idempotent(tmp_path, nlp):
    rows = [{"text": article_text(n), "date": "2023-03-14"} for n in range(4)]
    rows.append({"text": article_text(0), "date": "2023-03-14"})  # a duplicate
    # The same text again without a date, and respaced in capitals: one story, stored once.
    rows.append({"text": article_text(0)})
    rows.append({"text": "  " + article_text(0).upper().replace(" ", "   "),
                 "date": "2023-03-15"})
    path = write_jsonl(tmp_path / "feed.jsonl", rows)
    log = tmp_path / "skipped.jsonl"
    with Store(tmp_path / "s.sqlite") as store:
        with log.open("w", encoding="utf-8") as fh:
            first = ingest([path], store=store, engine=InProcessEngine(nlp=nlp), chunk_size=2,
                           progress=False, skip_log=fh)
        assert (first.stored, dict(first.skipped)) == (4, {"duplicate": 3})
        assert [json.loads(line)["reason"] for line in log.read_text().splitlines()] == [
            "duplicate"] * 3
        snapshot = sorted(store.articles(), key=lambda a: a.id)
        second = ingest([path], store=store, engine=InProcessEngine(nlp=nlp), progress=False)
        assert (second.stored, dict(second.skipped)) == (0, {"already stored": 4, "duplicate": 3})
        assert sorted(store.articles(), key=lambda a: a.id) == snapshot
        assert store.count() == 4
        assert store.sources() == ["feed"]
    assert "Skipped 7: already stored 4, duplicate 3." in second.summary()


def test_ingest_process_pool_matches_in_process(tmp_path, nlp):
    path = write_jsonl(tmp_path / "feed.jsonl",
                       [{"text": article_text(n), "date": "2023-03-14"} for n in range(6)])
    with Store(tmp_path / "one.sqlite") as one, Store(tmp_path / "two.sqlite") as two:
        ingest([path], store=one, engine=InProcessEngine(nlp=nlp), progress=False)
        report = ingest([path], store=two, engine=ProcessPoolEngine(workers=2, batch_size=2),
                        chunk_size=2, progress=False)
        assert report.stored == 6
        assert sorted(two.articles(), key=lambda a: a.id) == sorted(
            one.articles(), key=lambda a: a.id
        )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"engine": "spark"}, "Unknown engine"),
        ({"workers": 0}, "at least 1"),
        ({"batch_size": 0}, "at least 1"),
        ({"scheduler": "tcp://127.0.0.1:1"}, "need --engine dask"),
        ({"output": "out"}, "need --engine dask"),
    ],
)
def test_ingest_engine_options_are_checked(kwargs, message):
    with pytest.raises(NewslensError, match=message):
        make_engine(**kwargs)


def test_ingest_batches_are_cut_by_count_and_length():
    from extraction.ingest import _batches

    items = [Item("x" * n, None, None, None, None, str(i)) for i, n in
             enumerate([10, 10, 10, 50, 10, 200, 10])]
    sizes = [[len(i.text) for i in b] for b in _batches(items, size=3, max_chars=60)]
    assert sizes == [[10, 10, 10], [50, 10], [200], [10]]


def test_ingest_process_pool_recovers_from_a_dead_worker():
    import os
    import signal

    items = [Item(article_text(n), None, None, None, None, f"i{n}") for n in range(12)]
    # One worker is enough to lose: the recovery is the same, and it starts faster.
    engine = ProcessPoolEngine(workers=1, batch_size=1)
    try:
        engine.start()
        results = engine.run([[item] for item in items])
        done = [next(results)]
        # A worker killed mid-run (as the kernel's OOM killer would): nothing is lost.
        os.kill(next(iter(engine._pool._processes)), signal.SIGKILL)
        done += list(results)
    finally:
        engine.close()
    assert [chunk for chunk, _ in done] == [[item] for item in items]
    assert all(isinstance(r, Article) for _, rs in done for r in rs)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({"text": article_text(2), "url": "http://[::1"}, "ok"),
        ("[" * 100_000 + "]" * 100_000, "bad row"),
        ('{"text": ' + "[" * 50_000, "bad row"),
        ({"text": article_text(2), "title": "\x1b[2J\x1b]0;owned\x07Talks\u202e", "date": ""},
         "ok"),
        ({"text": article_text(2), "date": "2019-03-14junk"}, "bad date"),
    ],
    ids=["bad-url", "deep-json", "deep-unclosed", "escape-title", "junk-date"],
)
def test_ingest_one_bad_jsonl_row_never_stops_the_file(tmp_path, bad, reason):
    feed = write_jsonl(tmp_path / "feed.jsonl",
                       [{"text": article_text(1)}, bad, {"text": article_text(3)}])
    entries = list(read_inputs([feed]))
    assert reasons(entries) == ["ok", reason, "ok"]
    for entry in entries:
        if isinstance(entry, Item) and entry.title:
            assert entry.title == "Talks"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_ingest_csv_in_utf16_with_a_bom_is_read(tmp_path, encoding):
    table = tmp_path / "t.csv"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    rows = f"{bom}title,text\r\nCafé,\"{article_text(1)}\"\r\nTwo,\"{article_text(2)}\"\r\n"
    table.write_bytes(rows.encode(encoding))
    entries = list(read_inputs([table]))
    assert reasons(entries) == ["ok", "ok"]
    assert entries[0].title == "Café"


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "link-out", "socket"])
def test_ingest_special_files_are_refused_without_reading(tmp_path, kind):
    import os
    import socket

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text(1), encoding="utf-8")
    target = folder / "b.txt"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "dev-zero":
        target.symlink_to("/dev/zero")
    elif kind == "link-out":
        outside = tmp_path / "secret.txt"
        outside.write_text(article_text(2), encoding="utf-8")
        target.symlink_to(outside)
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(target))
    entries = list(read_inputs([folder]))
    assert reasons(entries) == ["ok", "unreadable"]
    assert "b.txt" in entries[1].origin
    # Named explicitly, it is refused too (and a FIFO does not hang the reader).
    if kind != "link-out":
        assert reasons(read_inputs([target])) == ["unreadable"]


def test_ingest_link_inside_the_folder_is_read(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text(1), encoding="utf-8")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    assert reasons(read_inputs([folder])) == ["ok", "ok"]


def test_ingest_unreadable_subfolder_is_reported(tmp_path):
    import os

    if os.geteuid() == 0:
        # root lists any folder; an os.walk error is what a locked folder gives others.
        pytest.skip("root can read every folder")
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(article_text(1), encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        assert reasons(read_inputs([folder])) == ["ok", "unreadable"]
    finally:
        (folder / "locked").chmod(0o755)


def test_ingest_walk_errors_become_skips(tmp_path, monkeypatch):
    import os

    from extraction import ingest as ingest_module

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text(1), encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(folder / "locked")))
        yield from real_walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(ingest_module.os, "walk", walk)
    entries = list(read_inputs([folder]))
    assert reasons(entries) == ["unreadable", "ok"]
    assert "locked" in entries[0].origin and "Permission denied" in entries[0].message


def test_ingest_file_growing_past_the_limit_is_cut(tmp_path, monkeypatch):
    from extraction import textio

    path = tmp_path / "a.txt"
    path.write_text(article_text(1) * 10, encoding="utf-8")
    with pytest.raises(textio.FileTooLarge):
        textio.read_file_bytes(path, limit=100)


def _state(pid: int) -> str | None:
    """The process's state letter (R, S, Z, ...), or None when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return next(line.split()[1] for line in status.splitlines() if line.startswith("State:"))


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
def test_ingest_worker_dies_with_its_parent(tmp_path):
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import multiprocessing, os, signal, sys, time\n"
        "from extraction.ingest import die_with_parent\n"
        "def child(parent):\n"
        "    die_with_parent(parent)\n"
        "    time.sleep(60)\n"
        "if __name__ == '__main__':\n"
        "    p = multiprocessing.get_context('spawn').Process(target=child, args=(os.getpid(),))\n"
        "    p.start()\n"
        "    print(p.pid, flush=True)\n"
        "    time.sleep(1.5)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n",
        encoding="utf-8",
    )
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          cwd=root, check=False, timeout=60,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    child = int(proc.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _state(child) not in (None, "Z") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _state(child) in (None, "Z"), "the worker outlived its killed parent"


def test_ingest_pool_workers_are_told_their_parent():
    import os

    engine = ProcessPoolEngine(workers=1)
    try:
        assert engine._pool._initargs == (os.getpid(),)
    finally:
        engine.close()
