"""The team backend: a PostgreSQL database of its own (never the analyzed server).

Besides pgtune/db.py this is the one place that opens a read-write connection, and only to the store.
When the store database has TimescaleDB, the snapshots table becomes a hypertable partitioned by time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import psycopg
from psycopg import conninfo

from ..db import redact_dsn
from ..errors import BadInput
from .base import Store
from .errors import StoreUnavailable

APPLICATION_NAME = "pgtune-store"


def _scrubbed(exc: psycopg.Error, secret: object) -> str:
    lines = str(exc).strip().splitlines()
    text = " ".join(lines[0].split()) if lines else type(exc).__name__
    return text.replace(str(secret), "***") if secret else text


class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        self.location = redact_dsn(url)
        try:
            secret = conninfo.conninfo_to_dict(url).get("password")
        except psycopg.ProgrammingError as exc:
            raise BadInput(
                f"the history store URL {self.location} is malformed: {str(exc).strip()}",
                "use postgresql://user@host:port/dbname",
            ) from None
        try:
            self.connection = psycopg.connect(
                url, autocommit=True, application_name=APPLICATION_NAME, connect_timeout=10
            )
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(
                f"cannot reach the history store {self.location}: {_scrubbed(exc, secret)}",
                "check that the store's server is up and the URL, user and database are right",
            ) from None
        try:
            self.migrate()
        except psycopg.Error as exc:
            self.connection.close()
            raise StoreUnavailable(
                f"cannot prepare the history store {self.location}: {_scrubbed(exc, secret)}",
                "the store's role needs CREATE on its database",
            ) from None

    def _rows(self, query: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.connection.cursor() as cur:
            cur.execute(query.replace("?", "%s"), params)
            return cur.fetchall() if cur.description else []

    def _many(self, query: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.connection.cursor() as cur:
            cur.executemany(query.replace("?", "%s"), rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    def _lock_migrations(self) -> None:
        self._rows("SELECT pg_advisory_xact_lock(hashtext('pgtune history store migrations'))")

    def _after_migrations(self) -> None:
        if self.has_timescaledb() and not self._is_hypertable("snapshots"):
            self._rows("SELECT create_hypertable('snapshots', 'collected_at', migrate_data => true)")

    def has_timescaledb(self) -> bool:
        return bool(self._rows("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'")[0][0])

    def _is_hypertable(self, table: str) -> bool:
        return bool(
            self._rows(
                "SELECT count(*) FROM timescaledb_information.hypertables "
                "WHERE hypertable_schema = current_schema() AND hypertable_name = ?",
                (table,),
            )[0][0]
        )

    def _to_db_time(self, moment: datetime) -> datetime:
        return moment

    def _from_db_time(self, value: datetime) -> datetime:
        return value

    def close(self) -> None:
        self.connection.close()
