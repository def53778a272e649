"""The corpus store: every analysed article in one SQLite file, safe for readers and a writer.

The file is in WAL mode, so the dashboard can read while ``newslens ingest`` writes. Each
article is written in one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``): a process killed
in the middle leaves either the whole article or nothing, and a rerun skips what is stored.

Tables, all keyed by ``article_id`` (the ``Article.id`` hash of text and date):

- ``articles``: id, title, published, published_inferred, text, source, url, added_at, words
- ``entities``: one row per ``Entity`` (``ord`` keeps the article's order)
- ``mentions``: one row per ``Mention`` of an entity (``entity_ord`` links it to its entity)
- ``time_expressions``: one row per ``TimeExpression``
- ``events``: one row per ``Event``, trigger and sentence spread over columns
- ``events``' ``modality`` (happened, planned, conditional, denied) came with schema 2
- ``events``' ``actor_sector`` and ``target_sector`` (military, police, opposition, rebels) came
  with schema 5
- ``stances``: one row per ``Stance``; ``evidence`` is a JSON list of event and relation
  ids, ``target_key`` the canonical target, ``current`` False for background
- ``relations``: one row per ``Relation`` (source and target entity ids, polarity, score,
  sentence, ``found_by``)
- ``corrections`` (schema 4): analysts' corrections (``extraction.corrections``), keyed by
  ``text_key`` rather than the article id, so they survive a re-analysis (``replace``);
  ``before_value``/``after_value`` are JSON (a merge or split records the entities and
  mentions it found, and the name, type and country chosen); an undone one keeps its row
  with ``undone_at``.
  Reading applies them (``get``, ``articles``: ``corrected=False`` gives the extraction)
- ``articles.text_key`` (schema 4): the text's hash with spacing and case folded; with
  ``once_per_text`` a text is stored once however it arrives; ``duplicates`` finds copies
- ``articles_fts`` (schema 4): an FTS5 index over title and text kept in step by triggers;
  ``articles(query=...)`` searches it (``fts_query`` makes any input a safe query)

An overview of thousands of articles (the dashboard's Corpus page) reads a light projection,
``corpus_rows``: a few columns per event, stance and entity, no texts, mentions or time
expressions, and reads whole (``get_many``) only the articles with corrections in force.

The schema version is SQLite's ``user_version``; ``MIGRATIONS`` brings older files up to date
when a ``Store`` opens them. Each thread (and each process) gets its own connection, as
SQLite requires; one ``Store`` object may be shared between threads.

``export_tables`` writes every table as Parquet, CSV or JSONL for other tools (CSV cells that
a spreadsheet would run as formulas are neutralised, see ``csv_safe``);
``Store.import_parquet`` reads Parquet tables (an export, or the Dask engine's output) back.

The package, by capability: ``schema`` (the tables, their migrations, connection settings),
``rows`` (an Article's parts to rows and back, the columns derived from the dataclasses of
``extraction.model``), ``connection``, ``writing``, ``reading`` and ``correcting`` (the
parts of ``Store``), ``search`` (filters and full-text queries), ``projection``
(``corpus_rows``), ``importing`` and ``exporting`` (Parquet, CSV, JSONL).

    >>> with Store() as store:
    ...     store.add(article, source="wikinews")
    ...     recent = store.articles(Filters(country="VEN", limit=20))
    ...     same = store.articles(country="VEN", limit=20)  # the fields as keywords
"""

from __future__ import annotations

from .connection import STORE_ENV, STORE_FILENAME, default_store_path
from .correcting import Correcting
from .exporting import CSV_FORMULA_STARTS, arrow_schema, csv_safe, export_tables
from .projection import CORPUS_COLUMNS
from .reading import ArticleSummary, Reading
from .rows import PARTS, article_rows
from .schema import CORRECTIONS, MIGRATIONS, SCHEMA_VERSION, TABLES, table_schema
from .schema import register_functions as _register_functions
from .search import Filters, fts_query
from .writing import Writing

__all__ = [
    "CORPUS_COLUMNS", "CORRECTIONS", "CSV_FORMULA_STARTS", "MIGRATIONS", "PARTS",
    "SCHEMA_VERSION", "STORE_ENV", "STORE_FILENAME", "TABLES", "ArticleSummary", "Filters",
    "Store", "_register_functions", "article_rows", "arrow_schema", "csv_safe",
    "default_store_path", "export_tables", "fts_query", "table_schema",
]


class Store(Writing, Reading, Correcting):
    """The SQLite corpus store (see the module docstring).

    Args:
        path: the store file; ``None`` means ``default_store_path()``. Missing folders are
            created, a new file gets the current schema, an older one is migrated.

    Raises:
        NewslensError: the file cannot be created or opened, is not a newslens store, or
            was written by a newer newslens.
    """
