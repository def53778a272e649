"""``newslens delete``, ``search`` and ``corrections`` on a store of hand-built articles."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from extraction.cli import main
from extraction.corrections import correct_entity, set_event_status
from extraction.store import Store
from tests.test_store import TEXT, hand_article


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        store.add(hand_article("aaaaaaa1"), source="wire")
        store.add(hand_article("aaaaaaa2", published=dt.date(2020, 1, 2)), source="wire")
        other = dataclasses.replace(hand_article("bbbbbbb1"), text=TEXT.replace("Thursday",
                                                                                 "Friday"))
        store.add(other, source="pasted")
        store.add_correction(correct_entity(hand_article(), "e2", "country", "COL"))
    return path


def ids(path):
    with Store(path) as store:
        return sorted(store.article_ids())


def test_cli_delete_by_id_and_prefix(store_path, capsys):
    assert main(["delete", "aaaaaaa1", "bbbbbb", "--store", str(store_path)]) == 0
    assert "Deleted 2 articles" in capsys.readouterr().err
    assert ids(store_path) == ["aaaaaaa2"]
    with Store(store_path) as store:
        assert len(store.corrections()) == 1  # aaaaaaa2 has the same text


def test_cli_delete_duplicates_and_source(store_path, capsys):
    assert main(["delete", "--duplicates", "--dry-run", "--store", str(store_path)]) == 0
    captured = capsys.readouterr()
    assert "aaaaaaa2" in captured.out and "Would delete 1 articles" in captured.err
    assert len(ids(store_path)) == 3
    assert main(["delete", "--duplicates", "--store", str(store_path)]) == 0
    assert ids(store_path) == ["aaaaaaa1", "bbbbbbb1"]
    assert main(["delete", "--source", "wire", "--store", str(store_path)]) == 0
    assert ids(store_path) == ["bbbbbbb1"]
    with Store(store_path) as store:
        assert store.corrections() == []  # its text is gone


@pytest.mark.parametrize(("argv", "fragment"), [
    (["delete"], "Say what to delete"),
    (["delete", "abc"], "at least its first 6"),
    (["delete", "aaaaaa"], "starts 2 article ids"),
    (["delete", "zzzzzzz"], "No stored article has an id starting"),
    (["delete", "--source", "nowhere"], "sources: pasted, wire"),
    (["corrections", "--undo", "42"], "no correction 42"),
    (["search"], "Give words"),
])
def test_cli_store_commands_refuse_with_a_message(store_path, capsys, argv, fragment):
    assert main([*argv, "--store", str(store_path)]) == 2
    assert fragment in capsys.readouterr().err
    assert len(ids(store_path)) == 3


def test_cli_delete_needs_an_existing_store(tmp_path, capsys):
    assert main(["delete", "x", "--store", str(tmp_path / "none.sqlite")]) == 2
    assert "There is no store" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite").exists()


def test_cli_search(store_path, capsys):
    assert main(["search", "friday", "--store", str(store_path)]) == 0
    out = capsys.readouterr().out
    assert "bbbbbbb1" in out and "[Friday]" in out and "aaaaaaa1" not in out
    assert main(["search", "--entity", "guaido", "--country", "COL",
                 "--store", str(store_path)]) == 0
    assert "aaaaaaa1" in capsys.readouterr().out
    assert main(["search", "nothing-like-this", "--store", str(store_path)]) == 1


def test_cli_corrections_list_and_undo(store_path, capsys):
    with Store(store_path) as store:
        reject = store.add_correction(set_event_status(hand_article(), "v1", "rejected"))
    assert main(["corrections", "--article", "aaaaaaa1", "--store", str(store_path)]) == 0
    out = capsys.readouterr().out
    assert "Juan Guaido: country VEN → COL" in out and "rejected event SUPPORT" in out
    assert main(["corrections", "--undo", str(reject.id), "--store", str(store_path)]) == 0
    assert "Undone correction" in capsys.readouterr().out
    assert main(["corrections", "--store", str(store_path)]) == 0
    assert "rejected event" not in capsys.readouterr().out
    assert main(["corrections", "--all", "--store", str(store_path)]) == 0
    assert "undone" in capsys.readouterr().out
    with Store(store_path) as store:
        assert [e.id for e in store.get("aaaaaaa1").events] == ["v1", "v2"]
