"""What a traced statement read in full: DEBUG1 messages (tablecmds.c, index.c), and the reads PostgreSQL logs
nothing for, counted instead: the DEFAULT partitions a new or attached partition made it read (logged only when
it skips them), and the tables a domain constraint was checked on."""

from __future__ import annotations

import re

import psycopg

from ..query.ddl_locks import Lock
from ..resources import data_dir, sql_text
from .relations import Relation

# The table name in these messages is unqualified.
_FULL_READS = (
    re.compile(r'^verifying table "(?P<table>[^"]+)"'),
    re.compile(r'^building index "[^"]+" on table "(?P<table>[^"]+)"'),
    re.compile(r'^rewriting table "(?P<table>[^"]+)"'),
)
_FOREIGN_KEY = re.compile(r'^validating foreign key constraint "(?P<name>[^"]+)"')
_SILENT_SCANS = sql_text(data_dir("sql") / "trace_silent_scans.sql")
_INTRANS = psycopg.pq.TransactionStatus.INTRANS


class FullReads:
    def __init__(self, traced: psycopg.Connection, existing: dict[int, Relation]) -> None:
        self.traced, self.existing = traced, existing
        # Outside a transaction the view lists every table it counts, with nothing counted yet.
        self.counted = bool(traced.execute(_SILENT_SCANS).fetchall())

    def logged(self, messages: tuple[str, ...], before: dict[int, Relation]) -> tuple[str, ...]:
        """Existing tables the server said it verified, rewrote, indexed or validated a foreign key of."""
        by_name: dict[str, list[str]] = {}
        for relation in before.values():
            if relation.kind in "rpm":
                by_name.setdefault(relation.name.split(".", 1)[1], []).append(relation.name)
        found: list[str] = []
        for message in messages:
            for pattern in _FULL_READS:
                if match := pattern.match(message):
                    found.extend(by_name.get(match["table"], ()))
            if match := _FOREIGN_KEY.match(message):
                found.extend(self._constraint_table(match["name"]))
        return tuple(dict.fromkeys(found))

    def silent_counts(self) -> dict[int, int]:
        """Sequential scans so far in the open transaction of each DEFAULT partition and each table with a column
        of a domain (none outside a transaction)."""
        if self.traced.info.transaction_status != _INTRANS or not self.counted:
            return {}
        return dict(self.traced.execute(_SILENT_SCANS).fetchall())

    def silent_reads(
        self, before: dict[int, int], locks: set[tuple[int, Lock]], taken: set[tuple[int, Lock]]
    ) -> tuple[str, ...]:
        """Those tables the statement read in full under a lock that blocks writes: a DEFAULT partition beside a
        partition created or attached (partbounds.c ``check_default_partition_contents``), a table whose domain
        column was checked against a new or validated domain constraint (typecmds.c ``validateDomainConstraint``,
        under SHARE). A table the statement itself locked only for reading or DML (``taken``: its new locks) was
        read by its own query, though an earlier statement's lock still blocks writes."""
        order = list(Lock)
        own = {oid for oid, lock in taken if order.index(lock) < order.index(Lock.SHARE)}
        strong = {oid for oid, lock in locks if order.index(lock) >= order.index(Lock.SHARE)} - own
        after = self.silent_counts() if strong else {}
        return tuple(
            self.existing[oid].name
            for oid, count in after.items()
            if oid in strong and oid in self.existing and count > before.get(oid, 0)
        )

    def _constraint_table(self, name: str) -> list[str]:
        rows = self.traced.execute(
            "SELECT n.nspname || '.' || c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.conname = %s AND k.conrelid = ANY(%s)",
            (name, list(self.existing)),
        ).fetchall()
        return [r[0] for r in rows]
