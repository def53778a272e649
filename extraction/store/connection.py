"""The store's connections: one per thread (and per process, after a fork), as SQLite
requires, each in WAL mode with the schema's functions; the file brought up to date when the
first one opens it. ``Connections`` is the base the ``Store``'s parts share."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from types import TracebackType
from typing import Self

from ..errors import NewslensError
from .schema import BUSY_TIMEOUT_S, migrate, register_functions, use_wal

#: Environment variable naming the store file (overridden by an explicit path / ``--store``).
STORE_ENV = "NEWSLENS_STORE"
STORE_FILENAME = "newslens.sqlite"


def default_store_path() -> Path:
    """Return the store file used when none is given: ``$NEWSLENS_STORE`` or the data folder.

    The data folder is ``platformdirs.user_data_dir("newslens")``, e.g.
    ``~/.local/share/newslens/newslens.sqlite`` on Linux.
    """
    env = os.environ.get(STORE_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("newslens", appauthor=False)) / STORE_FILENAME


class Connections:
    """The file of a store and its connections (see ``Store``, which adds the rest)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        if self.path.exists() and self.path.is_dir():
            raise NewslensError(f"The store '{self.path}' is a folder; give a file name.")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise NewslensError(
                f"Cannot create the folder for the store '{self.path}': {err.strerror}."
            ) from None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._closed = False
        migrate(self._conn(), self.path)

    # -- connections -------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        """Return this thread's connection, opening it on first use (or after a fork)."""
        if self._closed:
            raise NewslensError(f"The store '{self.path}' is closed.")
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            return conn
        try:
            # Autocommit mode (isolation_level=None): every write below opens its own
            # explicit transaction, so nothing is left half-done between calls.
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                check_same_thread=False,
            )
            use_wal(conn)
            # NORMAL in WAL mode: a committed transaction survives a killed process; only a
            # power cut may lose the last few, and never leaves one half-written.
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            register_functions(conn)
        except sqlite3.DatabaseError as err:
            raise NewslensError(
                f"Cannot open the store '{self.path}': {err}. Is it a newslens store?"
            ) from None
        self._local.conn = conn
        self._local.pid = os.getpid()
        with self._lock:
            # A long-lived Store used from short-lived threads (a web app's request threads)
            # would otherwise keep one connection per thread that ever used it.
            alive = []
            for thread, other in self._connections:
                if thread.is_alive():
                    alive.append((thread, other))
                else:
                    other.close()
            self._connections = [*alive, (threading.current_thread(), conn)]
        return conn

    def close(self) -> None:
        """Close every connection this store opened (in any thread)."""
        with self._lock:
            connections, self._connections = self._connections, []
            self._closed = True
        for _, conn in connections:
            try:
                conn.close()
            except sqlite3.Error:
                pass  # a connection already broken has nothing left to release

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # -- schema ------------------------------------------------------------------------

    def schema_version(self) -> int:
        """Return the schema version of the open file."""
        return int(self._conn().execute("PRAGMA user_version").fetchone()[0])
