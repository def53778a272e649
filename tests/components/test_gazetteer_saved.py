"""The entities component saves the gazetteer it reads with ``nlp.to_disk``, and
``spacy.load`` refuses a pipeline saved with another one (other rows, or other files)."""

from __future__ import annotations

import shutil

import pytest
import spacy

from extraction import resources
from extraction.components.entities import GAZETTEER_DIR, GAZETTEER_FILES


def test_gazetteer_files_are_the_tables_the_resources_read(monkeypatch):
    read: list[str] = []
    rows = resources._rows

    def recording(name):
        read.append(name)
        return rows(name)

    monkeypatch.setattr(resources, "_rows", recording)
    resources._data.__wrapped__()  # the tables read afresh, past the cache
    assert sorted(set(read)) == sorted(GAZETTEER_FILES)


def test_gazetteer_saved_with_the_component(nlp, tmp_path):
    component = nlp.get_pipe("newslens_entities")
    component.to_disk(tmp_path / "entities")
    folder = tmp_path / "entities" / GAZETTEER_DIR
    assert sorted(p.name for p in folder.iterdir()) == sorted(GAZETTEER_FILES)
    for name in GAZETTEER_FILES:
        assert (folder / name).read_bytes() == (resources.DATA_DIR / name).read_bytes()
    assert component.from_disk(tmp_path / "entities") is component


@pytest.fixture(scope="module")
def saved(nlp, tmp_path_factory):
    """A pipeline saved once; each test changes a copy of it."""
    path = tmp_path_factory.mktemp("saved") / "pipeline"
    nlp.to_disk(path)
    return path


def _copy(saved, tmp_path):
    return shutil.copytree(saved, tmp_path / "pipeline")


@pytest.mark.parametrize(("name", "row"), [
    ("organisations.tsv", "Northern Lantern Front\t\tNOR\tarmed group"),
    ("countries.tsv", "ZZZ\tZedland\t\t\t\t"),
    ("actors_historical.tsv", "Ada Quill\t\tNOR\thead of state\t2001-01-01\t2002-01-01"),
])
def test_gazetteer_saved_with_other_rows_is_refused(saved, tmp_path, name, row):
    path = _copy(saved, tmp_path)
    table = path / "newslens_entities" / GAZETTEER_DIR / name
    table.write_text(table.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="other gazetteer entries"):
        spacy.load(path)


def test_gazetteer_saved_with_other_files_is_refused(saved, tmp_path):
    path = _copy(saved, tmp_path)
    folder = path / "newslens_entities" / GAZETTEER_DIR
    (folder / "actors_more.tsv").write_bytes((folder / "actors.tsv").read_bytes())
    with pytest.raises(ValueError, match="other gazetteer files"):
        spacy.load(path)
    (folder / "actors_more.tsv").unlink()
    (folder / "titles.tsv").unlink()
    with pytest.raises(ValueError, match="other gazetteer files"):
        spacy.load(path)


def test_gazetteer_comments_and_blank_lines_do_not_count(saved, tmp_path):
    path = _copy(saved, tmp_path)
    table = path / "newslens_entities" / GAZETTEER_DIR / "igos.tsv"
    table.write_text("# reviewed again\n\n" + table.read_text(encoding="utf-8"),
                     encoding="utf-8")
    assert "newslens_entities" in spacy.load(path).pipe_names


def test_gazetteer_not_saved_by_an_older_version_is_not_checked(saved, tmp_path):
    path = _copy(saved, tmp_path)
    shutil.rmtree(path / "newslens_entities" / GAZETTEER_DIR)
    assert "newslens_entities" in spacy.load(path).pipe_names
