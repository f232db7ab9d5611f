"""The history store's one interface, written once over a tiny SQL surface that each backend provides.

Queries use ``?`` placeholders; a backend translates them. Every write runs in one transaction, so a
crash or a kill mid-snapshot leaves the store as it was.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import BadInput
from ..facts import Snapshot
from ..report.model import Report
from ..serialization import from_jsonable, to_jsonable
from . import codec
from .errors import StoreTooNew
from .migrate import BOOTSTRAP, available

_MAX_SERVER_NAME = 200


@dataclass(frozen=True)
class StoredSnapshot:
    """A snapshot's row, without its facts (load them with :meth:`Store.load_snapshot`)."""

    id: int
    server: str
    collected_at: datetime
    server_version: str
    statement_count: int


@dataclass(frozen=True)
class StoredAnalysis:
    id: int
    snapshot_id: int
    collected_at: datetime
    report: Report


def utc(moment: datetime) -> datetime:
    """Naive times are taken as UTC, as the collectors write them."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _check_server_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > _MAX_SERVER_NAME:
        raise BadInput(
            f"the server name {name!r} is empty or longer than {_MAX_SERVER_NAME} characters",
            "name the server with --server, e.g. --server orders-db",
        )
    return cleaned


class Store(ABC):
    dialect: str
    location: str
    """Where the store is, safe to show (no password)."""

    migrations_dir: Path | None = None

    @abstractmethod
    def _rows(self, query: str, params: Sequence[Any] = ()) -> list[tuple]: ...

    @abstractmethod
    def _many(self, query: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    @contextmanager
    def _transaction(self) -> Iterator[None]: ...

    @abstractmethod
    def _to_db_time(self, moment: datetime) -> Any: ...

    @abstractmethod
    def _from_db_time(self, value: Any) -> datetime: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _lock_migrations(self) -> None:
        """Serialise concurrent migrations where the backend needs it."""

    @abstractmethod
    def _after_migrations(self) -> None:
        """Backend-specific steps once the schema is current."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # schema

    def migrate(self) -> tuple[int, ...]:
        """Apply pending migrations; returns the versions applied. Refuses a store newer than this pgtune."""
        known = available(self.dialect, self.migrations_dir)
        latest = known[-1].version if known else 0
        applied: list[int] = []
        with self._transaction():
            self._lock_migrations()
            self._rows(BOOTSTRAP)
            current = self._rows("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0]
            if current > latest:
                raise StoreTooNew(
                    f"the history store {self.location} has schema version {current}, newer than this pgtune "
                    f"{__version__} knows ({latest})",
                    "upgrade pgtune on this machine to the version that wrote the store",
                )
            for migration in known:
                if migration.version <= current:
                    continue
                for statement in migration.statements():
                    self._rows(statement)
                self._rows(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, datetime.now(timezone.utc).isoformat()),
                )
                applied.append(migration.version)
        self._after_migrations()
        return tuple(applied)

    def schema_version(self) -> int:
        return self._rows("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0]

    # writes

    def save_snapshot(self, snapshot: Snapshot, server_name: str) -> int:
        """Store one snapshot of ``server_name``; returns its id. All or nothing."""
        name = _check_server_name(server_name)
        seen_at = self._to_db_time(utc(snapshot.collected_at))
        with self._transaction():
            server_id = self._server_id(name)
            text_ids = dict(self._rows("SELECT text_hash, id FROM statement_texts WHERE server_id = ?", (server_id,)))
            for statement in snapshot.statements:
                key = codec.text_hash(statement.query)
                if key not in text_ids:
                    text_ids[key] = self._rows(
                        "INSERT INTO statement_texts (server_id, text_hash, query, last_seen_at) "
                        "VALUES (?, ?, ?, ?) RETURNING id",
                        (server_id, key, statement.query, seen_at),
                    )[0][0]
            used = sorted({text_ids[codec.text_hash(s.query)] for s in snapshot.statements})
            self._many("UPDATE statement_texts SET last_seen_at = ? WHERE id = ?", [(seen_at, i) for i in used])
            return self._rows(
                "INSERT INTO snapshots (server_id, collected_at, server_version, statement_count, statements, facts) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    server_id,
                    seen_at,
                    snapshot.server.version,
                    len(snapshot.statements),
                    codec.encode_statements(snapshot.statements, text_ids),
                    codec.encode_facts(snapshot),
                ),
            )[0][0]

    def save_analysis(self, report: Report, snapshot_id: int) -> int:
        """Store the report ``pgtune analyze`` made from snapshot ``snapshot_id``; returns its id."""
        with self._transaction():
            if not self._rows("SELECT id FROM snapshots WHERE id = ?", (snapshot_id,)):
                raise BadInput(f"no snapshot {snapshot_id} in the history store {self.location}", "save it first")
            return self._rows(
                "INSERT INTO analyses (snapshot_id, saved_at, report) VALUES (?, ?, ?) RETURNING id",
                (snapshot_id, self._to_db_time(datetime.now(timezone.utc)), codec.pack(to_jsonable(report))),
            )[0][0]

    def prune(self, before: datetime) -> int:
        """Delete snapshots collected before ``before``, their analyses, and texts no kept snapshot uses."""
        cutoff = self._to_db_time(utc(before))
        with self._transaction():
            old = [row[0] for row in self._rows("SELECT id FROM snapshots WHERE collected_at < ?", (cutoff,))]
            self._many("DELETE FROM analyses WHERE snapshot_id = ?", [(i,) for i in old])
            self._rows("DELETE FROM snapshots WHERE collected_at < ?", (cutoff,))
            self._rows("DELETE FROM statement_texts WHERE last_seen_at < ?", (cutoff,))
        return len(old)

    def _server_id(self, name: str) -> int:
        # ON CONFLICT: a fleet's collectors may register the same new server at the same moment.
        self._rows(
            "INSERT INTO servers (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (name, self._to_db_time(datetime.now(timezone.utc))),
        )
        return self._rows("SELECT id FROM servers WHERE name = ?", (name,))[0][0]

    # reads

    def servers(self) -> tuple[str, ...]:
        return tuple(row[0] for row in self._rows("SELECT name FROM servers ORDER BY name"))

    def snapshots(self, server: str) -> tuple[StoredSnapshot, ...]:
        """Every snapshot of ``server``, oldest first, without their facts."""
        return tuple(
            StoredSnapshot(row[0], server, self._from_db_time(row[1]), row[2], row[3])
            for row in self._rows(
                "SELECT s.id, s.collected_at, s.server_version, s.statement_count FROM snapshots s "
                "JOIN servers v ON v.id = s.server_id WHERE v.name = ? ORDER BY s.collected_at, s.id",
                (server,),
            )
        )

    def load_snapshot(self, snapshot_id: int) -> Snapshot:
        rows = self._rows("SELECT server_id, statements, facts FROM snapshots WHERE id = ?", (snapshot_id,))
        if not rows:
            raise BadInput(f"no snapshot {snapshot_id} in the history store {self.location}")
        server_id, statements, facts = rows[0]
        texts = dict(self._rows("SELECT id, query FROM statement_texts WHERE server_id = ?", (server_id,)))
        return codec.decode_facts(facts, codec.decode_statements(statements, texts))

    def analyses(self, server: str) -> tuple[StoredAnalysis, ...]:
        """Every stored analysis of ``server``, oldest snapshot first."""
        return tuple(
            StoredAnalysis(row[0], row[1], self._from_db_time(row[2]), from_jsonable(Report, codec.unpack(row[3])))
            for row in self._rows(
                "SELECT a.id, a.snapshot_id, s.collected_at, a.report FROM analyses a "
                "JOIN snapshots s ON s.id = a.snapshot_id JOIN servers v ON v.id = s.server_id "
                "WHERE v.name = ? ORDER BY s.collected_at, a.id",
                (server,),
            )
        )
