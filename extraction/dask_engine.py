"""The Dask engine: the same extraction as the local engine, on a Dask cluster.

Each worker loads the pipeline once, in a ``WorkerPlugin``; the client reads the input,
drops what is already stored, and sends coarse partitions (a few hundred articles) to the
workers, which run ``extraction.engines.analyze_items``, the function the local engine runs,
so the results are identical. Articles come back to the client and are written through the
store there: workers never need to reach the store file.

With ``output`` set, workers instead write each partition's rows as Parquet files under
``output/<table>/`` (the layout of ``newslens export --format parquet``) and send back only
what was skipped. Use that when the results should stay on storage the workers share (a
network file system mounted at the same path everywhere); ``newslens import`` loads them
into a store later.

Workers on a real cluster need newslens installed (``pip install 'newslens[scale]'``) in
the same version as the client.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .engines import Engine, Item, Skip, analyze_items
from .errors import NewslensError
from .model import Article

if TYPE_CHECKING:
    from spacy.language import Language

PLUGIN_NAME = "newslens-pipeline"

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the scale extra is not installed; DaskEngine() says what to do
    WorkerPlugin = object  # type: ignore[misc,assignment]


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads the newslens pipeline once on each worker it is attached to."""

    name = PLUGIN_NAME
    # Registering again (a second ingest on the same cluster) keeps the loaded model.
    idempotent = True

    def __init__(self) -> None:
        # Keyed by worker address: with processes=False several workers share this object.
        self._pipelines: dict[str, Language] = {}

    def setup(self, worker: Any) -> None:
        from .pipeline import build_pipeline

        self._pipelines[worker.address] = build_pipeline()

    def teardown(self, worker: Any) -> None:
        self._pipelines.pop(worker.address, None)

    def pipeline(self, worker: Any) -> Language:
        return self._pipelines[worker.address]


def _worker_pipeline() -> Language:
    from distributed import get_worker

    worker = get_worker()
    plugin = worker.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise RuntimeError("the newslens worker plugin is not registered on this worker")
    return plugin.pipeline(worker)


def analyze_partition(items: list[Item], batch_size: int) -> list[Article | Skip]:
    """Dask task: analyse one partition on a worker with its already loaded pipeline."""
    return analyze_items(_worker_pipeline(), items, batch_size=batch_size)


def analyze_partition_to_parquet(
    items: list[Item], batch_size: int, output: str
) -> list[Article | Skip]:
    """Dask task: analyse one partition and write its rows as Parquet under ``output``.

    Returns the skips, and for each stored article ``None``, so the client can count them.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .store import TABLES, arrow_schema, article_rows, table_schema

    results = analyze_items(_worker_pipeline(), items, batch_size=batch_size)
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
    for item, result in zip(items, results, strict=True):
        if isinstance(result, Article):
            for table, table_rows in article_rows(result, source=item.source,
                                                  url=item.url).items():
                rows[table].extend(table_rows)
    # Named by content, so a partition retried after a lost worker overwrites itself.
    name = hashlib.sha256("".join(i.id for i in items).encode()).hexdigest()[:16]
    for table in TABLES:
        columns = table_schema(table)
        schema = arrow_schema(columns)
        folder = Path(output) / table
        folder.mkdir(parents=True, exist_ok=True)
        data = list(zip(*rows[table], strict=True)) or [[] for _ in columns]
        arrays = [
            pa.array([bool(v) if kind == "BOOLEAN" and v is not None else v for v in col],
                     type=schema.field(i).type)
            for i, (col, (_, kind)) in enumerate(zip(data, columns, strict=True))
        ]
        pq.write_table(pa.Table.from_arrays(arrays, schema=schema),
                       folder / f"part-{name}.parquet")
    return [r if isinstance(r, Skip) else None for r in results]


class DaskEngine(Engine):
    """Sends partitions of items to a Dask cluster (a ``LocalCluster`` when no scheduler).

    Args:
        workers: workers of the ``LocalCluster`` (ignored with a scheduler address).
        batch_size: texts per ``nlp.pipe`` batch on a worker.
        scheduler: a scheduler address such as ``tcp://10.0.0.5:8786``.
        processes: the ``LocalCluster`` runs workers as processes (True) or threads.
        output: write Parquet under this folder (one the workers share) on the workers
            instead of returning articles.

    Raises:
        NewslensError: Dask is not installed or the scheduler cannot be reached.
    """

    def __init__(
        self,
        *,
        workers: int = 2,
        batch_size: int = 32,
        scheduler: str | None = None,
        processes: bool = True,
        output: str | Path | None = None,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise NewslensError(
                "The Dask engine needs Dask: pip install 'newslens[scale]'."
            ) from None
        self.batch_size = batch_size
        # Absolute, so that workers with another working folder write to the same place.
        self.output = str(Path(output).resolve()) if output is not None else None
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="30s")
            else:
                # One thread per worker: spaCy gains nothing from threads, and workers = cores.
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=processes,
                    dashboard_address=None,
                )
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as err:
            raise NewslensError(
                f"Cannot reach the Dask scheduler {scheduler or '(local)'}: {err}"
            ) from None
        self._client.register_plugin(PipelinePlugin(), name=PLUGIN_NAME)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    @property
    def client(self) -> Any:
        return self._client

    def run(self, chunks: Iterable[list[Item]]) -> Iterator[tuple[list[Item], list[Any]]]:
        # Two partitions per worker in flight: workers stay busy, the client stays small.
        pending: deque[tuple[list[Item], Any]] = deque()
        for chunk in chunks:
            if self.output is None:
                future = self._client.submit(analyze_partition, chunk, self.batch_size,
                                             pure=False)
            else:
                future = self._client.submit(analyze_partition_to_parquet, chunk,
                                             self.batch_size, self.output, pure=False)
            pending.append((chunk, future))
            if len(pending) >= 2 * self.workers:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    @staticmethod
    def _collect(chunk: list[Item], future: Any) -> tuple[list[Item], list[Any]]:
        try:
            return chunk, future.result()
        except Exception as err:  # noqa: BLE001  (a lost worker or write: report, go on)
            # analyze_items turns an article's own failure into a Skip, so this is the
            # cluster failing (workers killed again and again, output not writable).
            message = f"the Dask task failed: {type(err).__name__}: {err}"
            return chunk, [Skip(item.origin, "analysis failed", message) for item in chunk]

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
