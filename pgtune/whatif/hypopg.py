"""Hypothetical indexes through HypoPG: created in this backend only, and always removed.

HypoPG keeps hypothetical indexes in the backend's memory; they never reach the catalog and work in a
read-only session. pgtune still resets them on every exit path, Ctrl-C included. HypoPG 1.4.0 added
hiding real indexes from the planner (``hypopg_hide_index``); whether the installed one can is read from
pg_proc, here only, and hidden indexes are shown again with the reset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import psycopg
from psycopg import sql

from ..db import Session
from ..errors import ExtensionMissing
from .spec import IndexSpec

_HYPOTHETICAL_NAME = re.compile(r"^<(?P<oid>\d+)>")


def hypothetical_oid(index_name: str | None) -> int | None:
    """The oid HypoPG puts in front of a hypothetical index's name in EXPLAIN output."""
    match = _HYPOTHETICAL_NAME.match(index_name or "")
    return int(match["oid"]) if match else None


class CandidateRefused(Exception):
    """HypoPG would not create this hypothetical index (a parameter in it, a function not immutable …)."""

    def __init__(self, spec: IndexSpec, reason: str) -> None:
        super().__init__(reason)
        self.spec = spec
        self.reason = reason


def _first_line(exc: psycopg.Error) -> str:
    return " ".join(str(exc).splitlines()[0].split()) if str(exc) else type(exc).__name__


class HypoPG:
    """A context in which hypothetical indexes can be created; all are gone when it exits."""

    def __init__(self, session: Session) -> None:
        rows = session.named("hypopg_available")
        if not rows:
            raise ExtensionMissing(
                "HypoPG is not created in this database, so index advice cannot be planner-verified",
                "CREATE EXTENSION hypopg; (Debian/Ubuntu package postgresql-NN-hypopg), or use --no-whatif",
            )
        self.session = session
        self.schema = sql.Identifier(rows[0]["schema"])
        self.version = rows[0]["version"]
        self.can_hide_indexes = bool(rows[0]["can_hide_indexes"])
        self.created = 0
        self.refused: dict[IndexSpec, str] = {}
        """Candidates HypoPG refused, with its error: never sent again."""

    def __enter__(self) -> HypoPG:
        self.reset()
        return self

    def __exit__(self, *exc: object) -> None:
        self.reset()

    def reset(self) -> None:
        self.session.rows(sql.SQL("SELECT {}.hypopg_reset()").format(self.schema))
        if self.can_hide_indexes:
            self.session.rows(sql.SQL("SELECT {}.hypopg_unhide_all_indexes()").format(self.schema))

    def create(self, spec: IndexSpec) -> int:
        return self.create_from(f"CREATE INDEX {spec.sql_body()}")

    def create_many(self, specs: Sequence[IndexSpec]) -> dict[IndexSpec, int]:
        """Several hypothetical indexes in one round trip, created in the order given; their oids.

        Raises psycopg.Error when the round trip fails: the indexes it made before the error are then
        unknown, so callers reset and fall back to ``create_each`` to find the culprit."""
        wanted = [spec for spec in specs if spec not in self.refused]
        if not wanted:
            return {}
        rows = self.session.rows(
            sql.SQL(
                "SELECT h.indexrelid FROM unnest(%s::text[]) WITH ORDINALITY AS d(statement, n) "
                "CROSS JOIN LATERAL {}.hypopg_create_index(d.statement) AS h ORDER BY d.n"
            ).format(self.schema),
            ([f"CREATE INDEX {spec.sql_body()}" for spec in wanted],),
        )
        self.created += len(rows)
        return dict(zip(wanted, (int(row["indexrelid"]) for row in rows), strict=True))

    def create_each(self, specs: Sequence[IndexSpec]) -> dict[IndexSpec, int]:
        """One round trip per index: those HypoPG refuses are recorded in ``refused`` and skipped."""
        created = {}
        for spec in specs:
            if spec in self.refused:
                continue
            try:
                created[spec] = self.create(spec)
            except psycopg.Error as exc:
                self.refused[spec] = _first_line(exc)
        return created

    def create_from(self, statement: str) -> int:
        """A hypothetical index from a CREATE INDEX statement's text; its oid."""
        oid = self.session.scalar(
            sql.SQL("SELECT indexrelid FROM {}.hypopg_create_index(%s)").format(self.schema), (statement,)
        )
        self.created += 1
        return int(oid)

    def reset_statement(self) -> sql.Composable:
        return sql.SQL("SELECT {}.hypopg_reset()").format(self.schema)

    def create_statement(self, spec: IndexSpec) -> sql.Composable:
        """A statement returning the new hypothetical index's oid, to send along with others."""
        return sql.SQL("SELECT indexrelid FROM {}.hypopg_create_index({})").format(
            self.schema, sql.Literal(f"CREATE INDEX {spec.sql_body()}")
        )

    def hide(self, index_oid: int) -> None:
        """Hide a real index from this session's planner (only where ``can_hide_indexes``)."""
        self.session.rows(sql.SQL("SELECT {}.hypopg_hide_index(%s)").format(self.schema), (index_oid,))

    def size_bytes(self, oid: int) -> int:
        return int(self.session.scalar(sql.SQL("SELECT {}.hypopg_relation_size(%s)").format(self.schema), (oid,)))

    def count(self) -> int:
        return int(self.session.scalar(sql.SQL("SELECT count(*) FROM {}.hypopg_list_indexes").format(self.schema)))
