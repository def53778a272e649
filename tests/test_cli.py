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
