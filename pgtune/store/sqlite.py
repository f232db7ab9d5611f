"""The default backend: one SQLite file in the user's data directory."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from .base import Store, utc
from .errors import StoreUnavailable


class SqliteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: Path, create: bool = True) -> None:
        self.path = path
        self.location = str(path)
        if not create and not path.is_file():
            raise StoreUnavailable(
                f"there is no history store at {path}",
                "save snapshots first (pgtune snapshot --store ...) or pass the right --store",
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we open and close every transaction ourselves.
            self.connection = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.connection.execute("PRAGMA foreign_keys = ON")
            # WAL: one sync per commit instead of a journal written and synced page by page; still all or nothing.
            self.connection.execute("PRAGMA journal_mode = WAL")
            self.migrate()
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreUnavailable(
                f"cannot open the history store {path}: {exc}",
                "check that the path is a pgtune store and is writable",
            ) from None

    def _rows(self, query: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.connection.execute(query, params).fetchall()

    def _many(self, query: str, rows: Sequence[Sequence[Any]]) -> None:
        self.connection.executemany(query, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so two writers queue instead of failing mid-way.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _lock_migrations(self) -> None:
        """BEGIN IMMEDIATE already holds the database's one write lock."""

    def _after_migrations(self) -> None:
        """Nothing SQLite-specific follows the schema."""

    def _to_db_time(self, moment: datetime) -> str:
        return utc(moment).isoformat(timespec="microseconds")

    def _from_db_time(self, value: str) -> datetime:
        return datetime.fromisoformat(value)

    def close(self) -> None:
        self.connection.close()
