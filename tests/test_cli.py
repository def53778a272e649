"""The newslens command line: analyze output formats, exit codes, clear errors."""

import json
import subprocess
import sys

import pytest

from extraction.cli import main

from .conftest import SAMPLES

SEED = SAMPLES / "00_venezuela_us_diplomats.txt"


def test_cli_analyze_json_reads_front_matter(capsys):
    assert main(["analyze", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["published"] == "2019-03-14"
    assert data["title"] == "Last remaining US diplomats leave Venezuela"
    assert data["text"].startswith("A convoy was seen")


def test_cli_analyze_table_lists_entities(capsys):
    assert main(["analyze", str(SEED), "--published", "2019-03-14"]) == 0
    out = capsys.readouterr().out
    assert "published: 2019-03-14" in out
    assert "entity" in out and "country" in out


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        (b"", "empty.txt", "empty"),
        (b"\x00\x01\x02binary", "bin.txt", "binary"),
        (b"text", "a.exe", "newslens reads"),
    ],
)
def test_cli_analyze_bad_file_exits_nonzero_with_message(tmp_path, capsys, content, name,
                                                         fragment):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["analyze", str(path)]) == 1
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err


def test_cli_bad_date_exits_nonzero_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "extraction.cli", "analyze", str(SEED), "--published", "14.3.2019"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "YYYY-MM-DD" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["ingest", "x.jsonl", "--engine", "dask", "--scheduler", "10.0.0.5"], "port"),
        (["ingest", "x.jsonl", "--engine", "dask", "--scheduler", "tcp://10.0.0.5:99999"],
         "port"),
        (["ingest", "x.jsonl", "--engine", "dask", "--scheduler", "ftp://h:1"], "protocol"),
        (["serve", "--port", "99999"], "1 to 65535"),
        (["serve", "--port", "0"], "1 to 65535"),
        (["serve", "--address", "http://0.0.0.0:80"], "address"),
    ],
)
def test_cli_bad_address_or_port_is_one_line_and_exit_2(tmp_path, argv, fragment):
    proc = subprocess.run(
        [sys.executable, "-m", "extraction.cli", *argv, *(["--store", str(tmp_path / "s")]
                                                          if argv[0] == "ingest" else [])],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )
    assert proc.returncode == 2, proc.stderr
    assert fragment in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("extra", "address", "warned"),
    [([], "127.0.0.1", False), (["--address", "0.0.0.0"], "0.0.0.0", True),
     (["--address", "::1"], "::1", False)],
)
def test_cli_serve_binds_loopback_unless_told(monkeypatch, capsys, extra, address, warned):
    import os

    seen: list[list[str]] = []
    monkeypatch.setattr(os, "execv", lambda exe, command: seen.append(command))
    monkeypatch.setattr(os, "chdir", lambda path: None)
    assert main(["serve", "--port", "8600", *extra]) == 0
    command = seen[0]
    assert command[command.index("--server.address") + 1] == address
    assert command[command.index("--server.port") + 1] == "8600"
    err = capsys.readouterr().err
    assert ("no authentication" in err) is warned


def test_cli_table_output_shows_no_terminal_escapes(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: \x1b]0;owned\x07Talks \x1b[2J\n---\n"
                    + SEED.read_text(encoding="utf-8").split("---\n", 2)[-1], encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "title: Talks" in out
