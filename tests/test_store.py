"""The corpus store: round trip, idempotence, filters, migrations, concurrency, export layout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading

import pytest

from extraction.errors import NewslensError
from extraction.model import Article, Entity, Event, Mention, Relation, Stance, TimeExpression
from extraction.store import SCHEMA_VERSION, TABLES, Filters, Store, default_store_path

TEXT = (
    "Washington backed Juan Guaido on Thursday. Venezuela's Nicolás Maduro cut ties with "
    "the United States a year ago, and Bolivia's Evo Morales stood by Maduro."
)


def hand_article(
    article_id: str = "a1", *, published: dt.date | None = dt.date(2019, 3, 14),
    text: str = TEXT,
) -> Article:
    """An article with every field of every part set away from its default."""
    maduro = Entity(
        "e1", "Nicolás Maduro", "PERSON", "VEN", "head of state",
        (Mention("Nicolás Maduro", 55, 69), Mention("Maduro", 140, 146)),
    )
    guaido = Entity("e2", "Juan Guaido", "PERSON", "VEN", "opposition",
                    (Mention("Juan Guaido", 18, 29),))
    usa = Entity("e3", "United States", "GPE", "USA", None, (Mention("Washington", 0, 10),))
    return Article(
        id=article_id,
        text=text,
        title="Diplomats leave — “Caracas”",
        published=published,
        published_inferred=True,
        entities=(maduro, guaido, usa),
        time_expressions=(
            TimeExpression("Thursday", 33, 41, "DATE", "2019-03-14", "2019-03-14"),
            TimeExpression("a year ago", 103, 113, "DATE", "PAST_REF", None),
        ),
        events=(
            Event(
                id="v1", type="SUPPORT", trigger=Mention("backed", 11, 17),
                sentence=Mention(text[:42], 0, 42), actor="e3", target="e2",
                actor_country="USA", target_country="VEN", date="2019-03-14",
                date_source="Thursday", polarity=0.8, negated=False, speaker=None,
                actor_text="Washington", target_text="Juan Guaido",
            ),
            Event(
                id="v2", type="REJECT", trigger=Mention("cut ties", 70, 78),
                sentence=Mention(text[43:114], 43, 114), actor="e1", target=None,
                actor_country="VEN", target_country="USA", date=None, date_source="published",
                polarity=-0.45, negated=True, speaker="e1", actor_text=None, target_text=None,
                modality="denied",
            ),
        ),
        stances=(
            Stance("USA", "Juan Guaido", "support", 0.8, ("v1", "r1"), "VEN",
                   "entity:Juan Guaido", False),
            Stance("opposition:VEN", "Nicolás Maduro", "mixed", -0.125, ("v1", "v2"), None),
        ),
        relations=(
            Relation("r1", "e3", "e2", "positive", 0.91, Mention(text[:42], 0, 42), "model"),
        ),
        warnings=("Little prose: a table or a list.",),
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus" / "newslens.sqlite") as s:
        yield s


def test_store_round_trip_hand_built_article(store):
    article = hand_article()
    assert store.add(article, source="wikinews", url="https://example.org/a1")
    assert store.get("a1") == article
    assert store.origin("a1") == ("wikinews", "https://example.org/a1")


def test_store_round_trip_survives_reopening(tmp_path):
    path = tmp_path / "s.sqlite"
    article = hand_article(published=None)
    with Store(path) as s:
        s.add(article)
    with Store(path) as s:
        assert s.get(article.id) == article
        assert s.schema_version() == SCHEMA_VERSION


def test_store_round_trip_real_analysed_article(store, seed_article):
    # Meaningful only if the analysis found something in every table.
    assert seed_article.entities and seed_article.time_expressions
    assert seed_article.events and seed_article.stances
    assert store.add(seed_article)
    assert store.get(seed_article.id) == seed_article
    assert store.get(seed_article.id).to_dict() == seed_article.to_dict()


def test_store_knows_every_model_field():
    # A field added to the model must be added to the schema too, or the round trip loses it.
    known = {
        Article: {"id", "text", "title", "published", "published_inferred", "entities",
                  "time_expressions", "events", "stances", "relations", "warnings"},
        Entity: {"id", "canonical", "label", "country", "role", "mentions"},
        Mention: {"text", "start_char", "end_char"},
        TimeExpression: {"text", "start_char", "end_char", "type", "value", "anchor"},
        Event: {"id", "type", "trigger", "sentence", "actor", "target", "actor_country",
                "target_country", "date", "date_source", "polarity", "negated", "speaker",
                "actor_text", "target_text", "modality", "actor_sector", "target_sector"},
        Stance: {"holder", "target", "polarity", "score", "evidence", "target_country",
                 "target_key", "current"},
        Relation: {"id", "source", "target", "polarity", "score", "sentence", "found_by"},
    }
    for cls, fields in known.items():
        assert {f.name for f in dataclasses.fields(cls)} == fields, cls.__name__


def test_store_add_is_idempotent(store):
    article = hand_article()
    assert store.add(article) is True
    assert store.add(article) is False
    assert store.count() == 1
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 4


def test_store_missing_article(store):
    assert store.get("nope") is None
    assert not store.has("nope")


def test_store_filters_and_order(store):
    store.add(hand_article("old", published=dt.date(2019, 1, 23)), source="a")
    store.add(hand_article("new", published=dt.date(2019, 3, 14)), source="b")
    store.add(hand_article("undated", published=None), source="b")
    plain = Article(id="plain", text="Nothing here.", published=dt.date(2019, 2, 1))
    store.add(plain, source="a")
    assert [a.id for a in store.articles()] == ["new", "plain", "old", "undated"]
    assert [a.id for a in store.articles(limit=2)] == ["new", "plain"]
    assert [a.id for a in store.articles(start=dt.date(2019, 2, 1))] == ["new", "plain"]
    assert [a.id for a in store.articles(end=dt.date(2019, 2, 1))] == ["plain", "old"]
    assert [a.id for a in store.articles(source="a")] == ["plain", "old"]
    assert [a.id for a in store.articles(country="ven")] == ["new", "old", "undated"]
    assert store.articles(country="FRA") == []
    assert store.sources() == ["a", "b"]
    assert store.count() == 4
    assert store.countries() == ["USA", "VEN"]
    assert store.date_range() == (dt.date(2019, 1, 23), dt.date(2019, 3, 14))
    summaries = store.summaries(source="b")
    assert [(s.id, s.entities, s.events, s.stances) for s in summaries] == [
        ("new", 3, 2, 2), ("undated", 3, 2, 2)
    ]
    assert [a.id for a in store.iter_articles(chunk=1)] == ["new", "plain", "old", "undated"]


def test_store_filters_are_one_value(store):
    store.add(hand_article("old", published=dt.date(2019, 1, 23)), source="a")
    store.add(hand_article("new", published=dt.date(2019, 3, 14)), source="b")
    recent = Filters(start=dt.date(2019, 2, 1), country="VEN")
    assert store.article_ids(recent) == ["new"]
    assert [a.id for a in store.articles(recent)] == ["new"]
    assert [s.id for s in store.summaries(recent)] == ["new"]
    assert [a.id for a in store.iter_articles(recent, chunk=1)] == ["new"]
    # Keywords name the same fields, alone or over a value.
    assert store.article_ids(recent, start=None) == store.article_ids(country="VEN")
    assert Filters.of(recent, limit=1) == Filters(dt.date(2019, 2, 1), None, "VEN", limit=1)
    with pytest.raises(TypeError):
        store.article_ids(countries="VEN")


def test_store_country_matches_holder_key(store):
    article = dataclasses.replace(
        Article(id="h", text="x y z", published=dt.date(2020, 1, 1)),
        stances=(Stance("opposition:BOL", "Evo Morales", "oppose", -1.0),),
    )
    store.add(article)
    assert [a.id for a in store.articles(country="BOL")] == ["h"]


def test_store_delete_removes_every_row(store):
    store.add(hand_article())
    assert store.delete("a1")
    assert not store.delete("a1")
    with sqlite3.connect(store.path) as conn:
        for table in TABLES:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_store_uses_wal_mode(store):
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_default_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLENS_STORE", str(tmp_path / "env.sqlite"))
    assert default_store_path() == tmp_path / "env.sqlite"
    with Store() as s:
        assert s.path == tmp_path / "env.sqlite"
    monkeypatch.delenv("NEWSLENS_STORE")
    assert default_store_path().name == "newslens.sqlite"
    assert "newslens" in str(default_store_path().parent)


def test_store_migrates_an_empty_older_file(tmp_path):
    path = tmp_path / "old.sqlite"
    sqlite3.connect(path).close()  # an empty file at schema version 0
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.add(hand_article())


@pytest.mark.parametrize("kind", ["newer", "foreign", "garbage", "folder"])
def test_store_refuses_what_it_cannot_use(tmp_path, kind):
    path = tmp_path / "bad.sqlite"
    if kind == "newer":
        with sqlite3.connect(path) as conn:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    elif kind == "foreign":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE recipes (name TEXT)")
    elif kind == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    else:
        path.mkdir()
    with pytest.raises(NewslensError):
        Store(path)


def test_store_closed_store_refuses(tmp_path):
    s = Store(tmp_path / "c.sqlite")
    s.close()
    with pytest.raises(NewslensError, match="closed"):
        s.count()


def test_store_shared_between_threads(store):
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                store.add(hand_article(f"t{n}-{i}"))
        except BaseException as err:  # reported to the main thread below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert store.count() == 30


def test_store_concurrent_reader_sees_only_whole_articles(tmp_path):
    path = tmp_path / "rw.sqlite"
    Store(path).close()
    done = threading.Event()
    problems: list[str] = []
    expected = hand_article("x")

    def read() -> None:
        with Store(path) as reader:
            while not done.is_set():
                for article in reader.articles():
                    if dataclasses.replace(article, id="x") != expected:
                        problems.append(article.id)

    thread = threading.Thread(target=read)
    thread.start()
    with Store(path) as writer:
        for i in range(40):
            writer.add(hand_article(f"w{i}"))
    done.set()
    thread.join()
    assert not problems
    with Store(path) as reader:
        assert reader.count() == 40


def test_store_table_rows_export_every_table(store):
    store.add(hand_article())
    counts = {t: sum(len(b) for b in store.table_rows(t)) for t in TABLES}
    assert counts == {"articles": 1, "entities": 3, "mentions": 4, "time_expressions": 2,
                      "events": 2, "stances": 2, "relations": 1}
    names = [c for c, _ in store.table_columns("events")]
    assert names[:4] == ["article_id", "ord", "event_id", "type"]
    with pytest.raises(NewslensError):
        store.table_columns("sqlite_master")


def test_store_releases_connections_of_finished_threads(store):
    for _ in range(5):
        thread = threading.Thread(target=store.count)
        thread.start()
        thread.join()
    store.count()
    assert len(store._connections) <= 2  # the last finished thread's and this one's


def test_store_many_processes_create_one_store_at_once(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "new.sqlite"
    code = (
        "import sys\n"
        "from extraction.model import Article\n"
        "from extraction.store import Store\n"
        "with Store(sys.argv[1]) as s:\n"
        "    s.add(Article(id=sys.argv[2], text='Some text.'))\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(path), f"p{n}"],
                         stderr=subprocess.PIPE, text=True)
        for n in range(3)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store(path) as s:
        assert sorted(s.article_ids()) == ["p0", "p1", "p2"]


def test_store_migrates_a_version_1_file_with_articles(tmp_path):
    # A store written before events had a modality and stances a target key: its rows are
    # kept, read with the defaults, and new articles get the new columns.
    from extraction.store import MIGRATIONS, article_rows

    path = tmp_path / "v1.sqlite"
    old = hand_article("old")
    rows = article_rows(old)
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    for table in ("articles", "entities", "mentions", "time_expressions", "events", "stances"):
        for row in rows[table]:
            width = len(conn.execute(f"PRAGMA table_info({table})").fetchall())
            conn.execute(f"INSERT INTO {table} VALUES ({','.join('?' * width)})", row[:width])
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        got = s.get("old")
        assert [e.modality for e in got.events] == ["happened", "happened"]
        assert [st.target_key for st in got.stances] == [None, None]
        assert all(st.current for st in got.stances) and got.relations == ()
        assert got.warnings == ()
        assert s.add(hand_article("new"))
        assert s.get("new") == hand_article("new")


def _export(store, tmp_path):
    pytest.importorskip("pyarrow")
    from extraction.store import export_tables

    store.add(hand_article("a1"))
    store.add(hand_article("a2", published=dt.date(2020, 1, 2)))
    out = tmp_path / "export"
    export_tables(store, out, fmt="parquet")
    return out


# Cases as data: one (table, column, bad value, message) row each; alike other tables in form only.
@pytest.mark.parametrize(
    ("table", "column", "value", "fragment"),
    [
        ("stances", "evidence", "[not json", "JSON list"),
        ("stances", "evidence", '{"a": 1}', "JSON list of ids"),
        ("articles", "published", "2019-13-45", "YYYY-MM-DD"),
        ("articles", "published", "2019-03-14junk", "YYYY-MM-DD"),
        ("events", "polarity", "strong", "not REAL"),
        ("entities", "canonical", ["a", "list"], "not TEXT"),
        ("mentions", "end_char", 10_000, "outside the article"),
        ("articles", "text", None, "empty"),
    ],
)
def test_store_import_refuses_a_bad_row_before_writing(store, tmp_path, table, column, value,
                                                       fragment):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = _export(store, tmp_path)
    rows = pq.read_table(out / f"{table}.parquet").to_pylist()
    # A value of another type than the column's makes the whole column that type.
    retyped = not isinstance(value, type(rows[0][column]))
    for row in rows if retyped else rows[-1:]:
        row[column] = value
    pq.write_table(pa.Table.from_pylist(rows), out / f"{table}.parquet")
    with Store(tmp_path / "target.sqlite") as target:
        with pytest.raises(NewslensError, match=fragment) as caught:
            target.import_parquet(out)
        assert target.count() == 0
    message = str(caught.value)
    assert f"{table}.parquet' row {1 if retyped else len(rows)}" in message
    assert "Nothing was imported" in message


def test_store_import_of_a_good_export_still_works(store, tmp_path):
    out = _export(store, tmp_path)
    with Store(tmp_path / "target.sqlite") as target:
        assert target.import_parquet(out) == (2, 0)
        assert target.get("a1") == store.get("a1")


def _damage(path) -> None:
    """Write random bytes over the middle of a store file (its header stays intact)."""
    import random

    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 3)
        handle.write(random.Random(7).randbytes(size // 2))


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_store_export_of_a_damaged_store_is_one_message_and_no_file(tmp_path, fmt):
    from extraction.store import export_tables

    path = tmp_path / "s.sqlite"
    with Store(path) as s:
        for n in range(40):
            s.add(hand_article(f"a{n}"))
    _damage(path)
    out = tmp_path / "out"
    with pytest.raises(NewslensError, match="damaged"), Store(path) as s:
        export_tables(s, out, fmt=fmt)
    assert not out.exists() or list(out.iterdir()) == []


# -- schema 4: corrections, search, one copy of a text ----------------------------------------


def test_store_corrections_apply_on_read_and_undo(store):
    from extraction.corrections import correct_entity, set_event_status

    article = hand_article()
    store.add(article)
    fix = store.add_correction(correct_entity(article, "e2", "country", "COL"))
    reject = store.add_correction(set_event_status(article, "v2", "rejected"))
    assert fix.id is not None and reject.id > fix.id
    got = store.get("a1")
    assert got.entity("e2").country == "COL" and [e.id for e in got.events] == ["v1"]
    assert store.get("a1", corrected=False) == article
    assert [c.kind for c in store.corrections(article_id="a1")] == ["entity.country",
                                                                   "event.status"]
    assert store.corrections(article_id="a1")[0].before == "VEN"
    undone = store.undo_correction(reject.id)
    assert undone.undone_at is not None
    assert [e.id for e in store.get("a1").events] == ["v1", "v2"]
    assert len(store.corrections(article_id="a1")) == 2  # kept on record
    assert len(store.corrections(article_id="a1", active_only=True)) == 1
    with pytest.raises(NewslensError, match="undone already"):
        store.undo_correction(reject.id)
    with pytest.raises(NewslensError, match="no correction 999"):
        store.undo_correction(999)


def test_store_corrections_survive_a_re_analysis(store):
    from extraction.corrections import correct_entity

    article = hand_article()
    store.add(article, source="wikinews", url="https://example.org/a")
    store.add_correction(correct_entity(article, "e1", "role", "former president"))
    newer = dataclasses.replace(
        article, id="a1-new",
        entities=tuple(dataclasses.replace(e, id=f"n{e.id}") for e in article.entities))
    assert store.replace(newer) == 1
    assert store.article_ids() == ["a1-new"]
    got = store.get("a1-new")
    assert got.entity("ne1").role == "former president"
    assert store.origin("a1-new") == ("wikinews", "https://example.org/a")


def test_store_delete_takes_the_corrections_unless_the_text_stays(store):
    from extraction.corrections import correct_entity

    store.add(hand_article("a1"))
    store.add(hand_article("a2", published=dt.date(2020, 1, 2)))  # the same text
    store.add_correction(correct_entity(hand_article(), "e1", "role", "x"))
    assert store.delete("a1")
    assert len(store.corrections()) == 1
    assert store.get("a2").entity("e1").role == "x"
    assert store.delete_many(["a2", "missing"]) == 1
    assert store.corrections() == [] and store.count() == 0
    for table in ("entities", "events", "stances", "relations", "mentions"):
        assert store._conn().execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_store_same_text_is_stored_once_when_asked(store):
    assert store.add(hand_article("a1"), once_per_text=True)
    respaced = TEXT.replace(" ", "  ").upper()
    assert store.same_text(respaced) == "a1"
    assert not store.add(hand_article("a2", published=None), once_per_text=True)
    assert store.add(hand_article("a3", published=None))  # ingest's default: by id only
    assert store.duplicates() == ["a3"]
    assert store.same_text("Another text.") is None


@pytest.fixture
def searchable(store):
    store.add(hand_article("a1"))
    store.add(Article(id="b1", text="Protests in Tehran over fuel prices.", title="Iran fuel",
                      entities=(Entity("e1", "Tehran", "GPE", "IRN", None,
                                       (Mention("Tehran", 13, 19),)),)))
    store.add(Article(id="c1", text="A quiet day: nothing about Guaidó here, only fuel.",
                      title=None))
    return store


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"query": "fuel"}, {"b1", "c1"}),
    ({"query": "FUEL tehran"}, {"b1"}),
    ({"query": "guaido"}, {"a1", "c1"}),  # diacritics folded
    ({"query": "Guai*"}, {"a1", "c1"}),
    ({"query": '"quiet day"'}, {"c1"}),
    ({"query": '"day quiet"'}, set()),
    ({"query": "caracas"}, {"a1"}),  # the title
    ({"query": 'AND OR NOT ") (*'}, set()),  # operators are words, never a syntax error
    ({"query": "?!"}, set()),
    ({"entity": "madu"}, {"a1"}),
    ({"entity": "%"}, set()),
    ({"country": "IRN"}, {"b1"}),
    ({"query": "fuel", "country": "IRN"}, {"b1"}),
])
def test_store_search(searchable, kwargs, expected):
    assert set(searchable.article_ids(**kwargs)) == expected


def test_store_search_ranks_and_shows_where(searchable):
    hits = searchable.summaries(query="fuel tehran")
    assert [h.id for h in hits] == ["b1"]
    assert "[Tehran]" in hits[0].snippet and "[fuel]" in hits[0].snippet
    assert searchable.summaries()[0].snippet is None


def test_store_search_follows_deletes_and_corrected_countries(searchable):
    from extraction.corrections import correct_entity

    assert searchable.delete("b1")
    assert searchable.article_ids(query="tehran") == []
    searchable.add_correction(correct_entity(hand_article(), "e2", "country", "COL"))
    assert searchable.article_ids(country="COL") == ["a1"]
    assert "COL" in searchable.countries()


def _older_store(path, version: int, article: Article):
    """A store file at schema ``version`` holding ``article`` in the columns it had then."""
    from extraction.store import MIGRATIONS, _register_functions, article_rows

    conn = sqlite3.connect(path)
    _register_functions(conn)
    for step in MIGRATIONS[:version]:
        for statement in step:
            conn.execute(statement)
    for table, table_rows in article_rows(article).items():
        width = len(conn.execute(f"PRAGMA table_info({table})").fetchall())
        for row in table_rows:
            conn.execute(f"INSERT INTO {table} VALUES ({','.join('?' * width)})", row[:width])
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def test_store_migrates_a_version_3_file_to_search_and_corrections(tmp_path):
    path = _older_store(tmp_path / "v3.sqlite", 3, hand_article("old"))
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.article_ids(query="bolivia") == ["old"]
        assert s.same_text(TEXT) == "old"
        assert s.get("old") == hand_article("old")


def test_store_export_import_round_trips_corrections(store, tmp_path):
    pytest.importorskip("pyarrow")
    from extraction.corrections import correct_entity, set_event_status
    from extraction.store import export_tables

    article = hand_article()
    store.add(article)
    store.add_correction(correct_entity(article, "e2", "country", "COL"))
    reject = store.add_correction(set_event_status(article, "v2", "rejected"))
    store.undo_correction(store.add_correction(
        set_event_status(article, "v1", "rejected")).id)
    written = export_tables(store, tmp_path / "out")
    assert "corrections" in written
    with Store(tmp_path / "target.sqlite") as target:
        assert target.import_parquet(tmp_path / "out") == (1, 0)
        assert target.get("a1") == store.get("a1")
        assert target.get("a1", corrected=False) == article
        assert [(c.kind, c.undone_at is None) for c in target.corrections()] == [
            (c.kind, c.undone_at is None) for c in store.corrections()]
        # Imported again: nothing doubles.
        assert target.import_parquet(tmp_path / "out") == (0, 1)
        assert len(target.corrections()) == 3
        # Still undoable after the trip.
        target.undo_correction(next(c.id for c in target.corrections()
                                    if c.item == reject.item))
        assert [e.id for e in target.get("a1").events] == ["v1", "v2"]


@pytest.mark.parametrize("corrected", [False, True])
def test_store_csv_export_with_and_without_corrections(store, tmp_path, corrected):
    import csv

    from extraction.corrections import correct_entity
    from extraction.store import export_tables

    article = hand_article()
    store.add(article)
    store.add_correction(correct_entity(article, "e2", "country", "COL"))
    out = tmp_path / "out"
    export_tables(store, out, fmt="csv", corrected=corrected)
    with (out / "entities.csv").open(encoding="utf-8", newline="") as fh:
        countries = {r["canonical"]: r["country"] for r in csv.DictReader(fh)}
    assert countries["Juan Guaido"] == ("COL" if corrected else "VEN")
    with (out / "corrections.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["kind"], r["item"], r["after_value"]) for r in rows] == [
        ("entity.country", "juan guaido", '"COL"')]


def test_store_import_refuses_a_bad_correction(store, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from extraction.corrections import correct_entity

    out = _export(store, tmp_path)
    store.add_correction(correct_entity(hand_article(), "e2", "country", "COL"))
    from extraction.store import export_tables

    export_tables(store, out)
    rows = pq.read_table(out / "corrections.parquet").to_pylist()
    rows[0]["kind"] = "entity.mood"
    pq.write_table(pa.Table.from_pylist(rows), out / "corrections.parquet")
    with Store(tmp_path / "target.sqlite") as target:
        with pytest.raises(NewslensError, match="'kind' is 'entity.mood'"):
            target.import_parquet(out)
        assert target.count() == 0


def test_store_migrates_a_version_4_file_to_event_sectors(tmp_path):
    path = _older_store(tmp_path / "v4.sqlite", 4, hand_article("old"))
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION == 5
        # Events stored before schema 5 read back with no sector.
        assert all(e.actor_sector is None and e.target_sector is None
                   for e in s.get("old").events)
        # New events keep theirs.
        new = dataclasses.replace(hand_article("new"), events=tuple(
            dataclasses.replace(e, actor_sector="military", target_sector="opposition")
            for e in hand_article("new").events))
        assert new.events and s.add(new)
        assert s.get("new") == new


def test_store_merge_and_split_apply_everywhere(store, tmp_path):
    import csv

    from extraction.corrections import correct_entity, merge_entities, split_entity
    from extraction.store import export_tables
    from tests.test_corrections import holders, story_article

    article = story_article()
    store.add(article)
    merge = store.add_correction(merge_entities(article, ["e1", "e2"]))
    later = store.get("story")
    maduro = later.entity("e3")
    store.add_correction(split_entity(later, "e3", maduro.mentions[1].start_char,
                                      name="Mario Maduro", country="COL"))
    got = store.get("story")
    assert [e.canonical for e in got.entities] == ["Evo Morales", "Nicolás Maduro",
                                                  "Mario Maduro", "Bolivia"]
    assert holders(got) == {"BOL|entity:Nicolás Maduro": ("v1",), "COL|BOL": ("v2",)}
    assert store.articles(country="COL")[0] == got
    assert "COL" in store.countries()
    # Exported with the corrections applied, the stances are held as corrected.
    export_tables(store, tmp_path / "csv", fmt="csv", corrected=True)
    with (tmp_path / "csv" / "stances.csv").open(encoding="utf-8", newline="") as fh:
        assert sorted(r["holder"] for r in csv.DictReader(fh)) == ["BOL", "COL"]
    with (tmp_path / "csv" / "corrections.csv").open(encoding="utf-8", newline="") as fh:
        assert [r["kind"] for r in csv.DictReader(fh)] == ["entity.merge", "entity.split"]
    # Undone, the merge is gone and the split still applies; a country corrected on the
    # split-off entity is by its new name.
    store.undo_correction(merge.id)
    assert holders(store.get("story")) == {"COL|BOL": ("v2",)}
    mario = store.get("story").entities[3]
    assert mario.canonical == "Mario Maduro"
    store.add_correction(correct_entity(store.get("story"), mario.id, "country", "PER"))
    assert holders(store.get("story")) == {"PER|BOL": ("v2",)}
    # A re-analysis by a newer pipeline keeps them.
    assert store.replace(dataclasses.replace(article, id="story-new")) == 1
    assert holders(store.get("story-new")) == {"PER|BOL": ("v2",)}


def test_store_export_import_round_trips_merges(store, tmp_path):
    pytest.importorskip("pyarrow")
    from extraction.corrections import merge_entities
    from extraction.store import export_tables
    from tests.test_corrections import story_article

    article = story_article()
    store.add(article)
    store.add_correction(merge_entities(article, ["e1", "e2"], name="Evo Morales Ayma"))
    export_tables(store, tmp_path / "out")
    with Store(tmp_path / "target.sqlite") as target:
        assert target.import_parquet(tmp_path / "out") == (1, 0)
        assert target.get("story") == store.get("story")
        assert target.get("story").entity("e1").canonical == "Evo Morales Ayma"
        assert target.corrections()[0].before == store.corrections()[0].before


def test_store_corpus_rows_are_a_light_projection(store):
    from extraction.corrections import correct_entity

    article = hand_article()
    store.add(article)
    store.add(hand_article("b1", text=TEXT + " Later."))
    store.add_correction(correct_entity(hand_article("b1", text=TEXT + " Later."), "e2",
                                        "country", "COL"))
    rows = store.corpus_rows(["b1", "a1", "missing"])
    assert [(r[0], r[4], r[5:8], r[9]) for r in rows["articles"]] == [
        ("a1", len(TEXT.split()), (3, 2, 2), False), ("b1", len(TEXT.split()) + 1, (3, 2, 2),
                                                      True)]
    first = [r for r in rows["events"] if r[0] == "a1"]
    # Parties by their entity's name; v2 has no target, and no words for one.
    assert [(r[1], r[4], r[8], r[13]) for r in first] == [
        ("v1", "United States", "Juan Guaido", None), ("v2", "Nicolás Maduro", None,
                                                       "Nicolás Maduro")]
    assert [(r[1], r[3], r[7]) for r in rows["stances"] if r[0] == "a1"] == [
        ("USA", "entity:Juan Guaido", 2), ("opposition:VEN", None, 2)]
    assert [(r[1], r[5]) for r in rows["entities"] if r[0] == "a1"] == [
        ("Nicolás Maduro", 2), ("Juan Guaido", 1), ("United States", 1)]
    # What the projection marks as corrected is read whole with its corrections.
    (whole,) = store.get_many(["b1", "missing"])
    assert whole.entity("e2").country == "COL"
    assert [a.id for a in store.get_many(["b1", "a1"], corrected=False)] == ["b1", "a1"]


def test_store_parts_columns_are_the_schema():
    # The columns of an Article's parts are derived from the dataclasses; the migrations
    # must have created exactly those (in any order: an added column goes last).
    from extraction.store import PARTS, table_schema

    assert set(PARTS) == set(TABLES) - {"articles"}
    for table, part in PARTS.items():
        columns = part.columns()
        assert len(set(columns)) == len(columns), table
        assert set(columns) == {name for name, _ in table_schema(table)}, table


def test_store_parts_encode_and_decode_by_name(store):
    from extraction.store import PARTS

    article = hand_article()
    event = article.events[0]
    row = PARTS["events"].encode(event, ("a1", 0))
    assert (row["event_id"], row["trigger_text"], row["trigger_start"]) == (
        event.id, event.trigger.text, event.trigger.start_char)
    assert row["negated"] in (0, 1) and isinstance(row["polarity"], float)
    assert PARTS["events"].decode(row) == event
    stance = article.stances[0]
    assert PARTS["stances"].decode(PARTS["stances"].encode(stance, ("a1", 0))) == stance


def test_store_corpus_rows_columns_name_every_cell(store):
    from extraction.store import CORPUS_COLUMNS

    store.add(hand_article())
    rows = store.corpus_rows(["a1"])
    assert set(rows) == set(CORPUS_COLUMNS)
    for part, columns in CORPUS_COLUMNS.items():
        assert rows[part] and all(len(r) == len(columns) for r in rows[part]), part
    events = [dict(zip(CORPUS_COLUMNS["events"], r, strict=True)) for r in rows["events"]]
    assert events[0]["actor"] == "United States"
