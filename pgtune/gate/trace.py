"""``pgtune check --trace``: run each migration file on a throwaway clone and record what the server did.

The one place pgtune writes, and only when told ``--trace``: each file gets a fresh ``CREATE DATABASE …
TEMPLATE <the named database>`` on the same server, dropped afterwards; the named database is only read
(and must be idle, as PostgreSQL requires of a template). Statements run one by one as ``psql -v
ON_ERROR_STOP=1 -f`` sends them. A statement outside a transaction block runs inside one pgtune opens and
commits right after it, so its locks can be read before they go (one that refuses a transaction block,
such as CREATE INDEX CONCURRENTLY or a DO block that COMMITs, is then run bare while a second session
polls pg_locks). While a statement's locks are held, the second session reads pg_locks of the traced
backend and tries a ``SELECT … LIMIT 0`` and a rolled-back one-row DELETE on each locked table under a
short lock_timeout: what would have waited. DEBUG1 messages (``rewriting table``, ``verifying table``,
``validating foreign key constraint``, ``building index``) and relfilenode changes say what was scanned and
rewritten.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import psycopg
from psycopg import errors, sql

from ..db import SessionGuards
from ..query.ddl_locks import Lock
from ..query.ddl_release import statement_block_refusal
from ..query.ddl_source import SourceProblem, StatementText, split_statements
from ..resources import data_dir, sql_text
from .clones import Clone, Clones, template_of
from .config import CheckConfig
from .files import discover, read
from .relations import Relation, changed, dropped, recreated_views, renamed, renamed_values, roots
from .scans import FullReads
from .tools import Mode, part_modes
from .traced import FileTrace, HeldLock, RenamedValue, StatementTrace, Trace

PROBE_LOCK_TIMEOUT_MS = 50
"""How long the second session waits for a lock before it counts the table as blocked."""
_POLL_S = 0.002


def trace_paths(
    paths: list[Path], dsn: str, config: CheckConfig, guards: SessionGuards | None = None
) -> tuple[Trace, list[str]]:
    """Trace every readable migration file on its own clone of the database ``dsn`` names.

    Returns the trace and notes (files that could not be traced; their problems are the static check's)."""
    guards = guards or SessionGuards()
    template, version, redacted = template_of(dsn, guards)
    files, _ = discover(paths)
    traces: list[FileTrace] = []
    notes: list[str] = []
    with Clones(dsn, template, version, guards) as clones:
        for path in files:
            migration = read(path)
            if isinstance(migration, SourceProblem):
                continue
            split = [split_statements(migration.path, p.text) for p in migration.parts]
            if any(problems for _, problems in split):
                notes.append(f"{migration.path}: not traced: it does not parse")
                continue
            segments = list(
                zip(
                    [s for s, _ in split],
                    part_modes(migration.tool, migration.parts, config, migration.path),
                    strict=True,
                )
            )
            with clones.clone() as clone:
                run = _FileRun(clone, migration.path, guards, dict(migration.copy_data_by_line))
                traces.append(run.run(segments))
    return Trace(tuple(traces), version.num, f"clones of {template} on {redacted}"), notes


@dataclass
class _Transaction:
    """Locks held in the current transaction block: when each was taken, and pgtune's probing time then."""

    held: dict[tuple[int, Lock], tuple[float, float]] = field(default_factory=dict)
    pending: list[tuple[StatementTrace, dict[tuple[int, Lock], tuple[float, float]]]] = field(default_factory=list)


_IDLE = psycopg.pq.TransactionStatus.IDLE
_INTRANS = psycopg.pq.TransactionStatus.INTRANS


class _FileRun:
    def __init__(self, clone: Clone, file: str, guards: SessionGuards, copy_data: dict[int, str]) -> None:
        self.clone, self.file, self.guards, self.copy_data = clone, file, guards, copy_data
        self.messages: list[str] = []
        clone.traced.add_notice_handler(self._notice)
        clone.traced.execute("SET client_min_messages = debug1")
        for connection in (clone.traced, clone.observer):
            _untracked(connection)
        self.existing: dict[int, Relation] = {}
        self.existing = self._catalog()
        self.values: dict[int, tuple[str, str]] | None = None
        self.values = self._values()
        self.scans = FullReads(clone.traced, self.existing)
        self.overhead_s = 0.0
        self.results: dict[tuple[str, int, int], StatementTrace] = {}

    def _notice(self, diagnostic: psycopg.errors.Diagnostic) -> None:
        if diagnostic.message_primary:
            self.messages.append(diagnostic.message_primary)

    def run(self, segments: list[tuple[list[StatementText], Mode]]) -> FileTrace:
        """Run the file's parts in order on one session, each as its tool runs it; the first failure stops
        the file."""
        started = time.perf_counter()
        order: list[tuple[str, int, int]] = []
        not_run = 0
        for number, (statements, mode) in enumerate(segments):
            not_run = self._segment(statements, mode, order)
            if not_run is not None:
                not_run += sum(len(s) for s, _ in segments[number + 1 :])
                break
        existing = frozenset(r.name for r in self.existing.values() if r.kind in "rpmv")
        return FileTrace(self.file, tuple(self.results[k] for k in order), existing, not_run or 0, _ms(started))

    def _segment(self, statements: list[StatementText], mode: Mode, order: list[tuple[str, int, int]]) -> int | None:
        """Run one part; after a failure, how many of its statements did not run (else None)."""
        conn = self.clone.traced
        transaction = _Transaction()
        not_run: int | None = None
        skipped = False
        if mode == "transaction":
            conn.execute("BEGIN")
        for index, statement in enumerate(statements):
            if mode == "implicit" and conn.info.transaction_status == _IDLE and not statement.controls_transaction:
                # One multi-statement query string: PostgreSQL opens an implicit block for the statements up
                # to the next explicit BEGIN or COMMIT of the file, and commits it at the end.
                conn.execute("BEGIN")
            if statement.cluster_wide:
                # Roles, databases, tablespaces and server settings are not the clone's: they would outlive it.
                # Inside a block, those the server refuses there fail unrun.
                refusal = statement_block_refusal(statement.sql) if conn.info.transaction_status != _IDLE else None
                trace = self._unrun(statement, refusal)
                order.append(trace.location)
                if refusal:
                    not_run = len(statements) - index - 1
                    break
                skipped = True
                continue
            trace = self._statement(statement, transaction)
            if trace.failed and skipped:
                trace = replace(trace, after_skipped=True)
                self.results[trace.location] = trace
            order.append(trace.location)
            if trace.failed:
                not_run = len(statements) - index - 1
                break
        if conn.info.transaction_status != _IDLE:
            conn.execute("COMMIT" if mode != "autocommit" and not_run is None else "ROLLBACK")
        self._close(transaction, time.perf_counter())
        return not_run

    def _statement(self, statement: StatementText, transaction: _Transaction) -> StatementTrace:
        conn = self.clone.traced
        in_block = conn.info.transaction_status != _IDLE
        lock_timeout_ms = _milliseconds(conn.execute("SHOW lock_timeout").fetchone()[0])
        before, values = self._catalog(), self._values()
        self.messages.clear()
        base = {
            "file": self.file,
            "line": statement.line,
            "column": statement.column,
            "sql": statement.sql,
            "lock_timeout_ms": lock_timeout_ms,
            "in_transaction": in_block,
        }
        wrap = not in_block and not statement.controls_transaction
        if wrap:
            conn.execute("BEGIN")
        silent_counts, written = self.scans.silent_counts(), self._written()
        started = time.perf_counter()
        polled: set[tuple[int, Lock]] = set()
        try:
            try:
                self._execute(statement)
            except (errors.ActiveSqlTransaction, errors.InvalidTransactionTermination):
                # 25001 refuses a transaction block; 2D000 is a DO block or procedure that COMMITs: both run
                # at top level under psql, so only pgtune's own block was in the way.
                if not wrap:
                    raise
                conn.execute("ROLLBACK")
                wrap = False
                started = time.perf_counter()
                polled = self._execute_polled(statement)
        except psycopg.Error as exc:
            if conn.info.transaction_status != _IDLE:
                conn.execute("ROLLBACK")
            trace = self._failure(base, started, exc)
            self.results[trace.location] = trace
            return trace
        duration_ms = _ms(started)
        messages = tuple(self.messages)
        mark = time.perf_counter()
        holding = conn.info.transaction_status == _INTRANS
        locks = self._locks() if holding else polled
        new = {key: (started, self.overhead_s) for key in locks if key not in transaction.held}
        silent = self.scans.silent_reads(silent_counts, locks, set(new)) if holding else ()
        transaction.held.update(new)
        reads, writes = self._probe(locks) if holding else ((), ())
        after = self._catalog()
        every_row, emptied, counted = self._every_row(written, after) if holding else ((), (), False)
        trace = StatementTrace(
            **base,
            duration_ms=duration_ms,
            probed=holding,
            reads_waited=reads,
            writes_waited=writes,
            rewritten=(rewritten := changed(before, after, "rm")),
            rewritten_parents=roots(rewritten, after),
            rebuilt_indexes=changed(before, after, "i"),
            scanned=(scanned := tuple(dict.fromkeys((*self.scans.logged(messages, before), *silent)))),
            scanned_parents=roots(scanned, after),
            messages=messages,
            every_row=every_row,
            emptied=emptied,
            every_row_parents=roots(every_row, after),
            dropped=dropped(before, after),
            renamed=renamed(before, after),
            renamed_values=tuple(RenamedValue(*r) for r in renamed_values(values, self._values())),
        )
        if counted:
            # pgtune's own row count took ACCESS SHARE locks: not the next statement's.
            transaction.held.update(dict.fromkeys(self._locks() - set(transaction.held), (started, self.overhead_s)))
        self.overhead_s += time.perf_counter() - mark
        self.results[trace.location] = trace
        transaction.pending.append((trace, new))
        if wrap:
            conn.execute("COMMIT")
        if wrap or not holding:
            # The statement's locks went with its own (or pgtune's one-statement) transaction.
            self._close(transaction, time.perf_counter())
        return trace

    def _close(self, transaction: _Transaction, end: float) -> None:
        """The transaction block ended: how long each lock was held, and which dropped views it created again."""
        gone = {t for trace, _ in transaction.pending for t in trace.dropped}
        now = self._catalog(every=True) if gone else {}
        for trace, new in transaction.pending:
            held = tuple(
                HeldLock(
                    self.existing[oid].name,
                    self.existing[oid].table,
                    lock,
                    max(0.0, (end - taken - (self.overhead_s - overhead)) * 1000),
                )
                for (oid, lock), (taken, overhead) in sorted(new.items(), key=lambda i: (i[0][0], _rank(i[0][1])))
            )
            replaced = recreated_views(self.existing, now, trace.dropped)
            dropped = tuple(t for t in trace.dropped if t not in replaced)
            self.results[trace.location] = replace(trace, new_locks=held, dropped=dropped, replaced=replaced)
        transaction.pending.clear()
        transaction.held.clear()
        self.overhead_s = 0.0

    def _execute(self, statement: StatementText) -> None:
        data = self.copy_data.get(statement.line + statement.sql.count("\n"))
        with self.clone.traced.cursor() as cur:
            if data is None:
                cur.execute(statement.sql.encode(), prepare=False)
                return
            # psql's inline COPY data, sent as psql sends it.
            with cur.copy(statement.sql.encode()) as copy:
                copy.write(data.encode())

    def _execute_polled(self, statement: StatementText) -> set[tuple[int, Lock]]:
        """Run a statement that refuses a transaction block, the second session polling its locks."""
        seen: set[tuple[int, Lock]] = set()
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                seen.update(self._locks())
                time.sleep(_POLL_S)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        try:
            self._execute(statement)
            return seen
        finally:
            done.set()
            poller.join()

    def _unrun(self, statement: StatementText, refusal: str | None) -> StatementTrace:
        failure = {"error_sqlstate": "25001", "error": refusal} if refusal else {}
        skipped = "" if refusal else "cluster-wide (roles, databases, tablespaces, settings) would outlive the clone"
        trace = StatementTrace(
            self.file,
            statement.line,
            statement.column,
            statement.sql,
            0.0,
            0,
            bool(refusal),
            False,
            skipped=skipped,
            **failure,
        )
        self.results[trace.location] = trace
        return trace

    def _failure(self, base: dict, started: float, exc: psycopg.Error) -> StatementTrace:
        text = exc.diag.message_primary or (str(exc).splitlines() or [type(exc).__name__])[0]
        return StatementTrace(
            **base,
            duration_ms=_ms(started),
            probed=False,
            messages=tuple(self.messages),
            error_sqlstate=exc.sqlstate or "XX000",
            error=" ".join(text.split()),
        )

    def _catalog(self, every: bool = False) -> dict[int, Relation]:
        """User tables, views and indexes as the traced session sees them; after the first call, unless ``every``,
        only those that existed before the file (what the application already uses)."""
        rows = self.clone.traced.execute(_sql("trace_relations")).fetchall()
        relations = {r[0]: Relation(r[0], r[1], r[2], r[3], r[4], tuple(r[5]) if r[5] else None, r[6]) for r in rows}
        if not self.existing or every:
            return relations
        return {oid: r for oid, r in relations.items() if oid in self.existing}

    def _values(self) -> dict[int, tuple[str, str]]:
        """Enum values (oid → (schema.enum, value)); after the first call, only those of before the file."""
        if self.values == {}:
            return {}
        rows = self.clone.traced.execute(_sql("trace_enum_values")).fetchall()
        return {oid: (enum, value) for oid, enum, value in rows if self.values is None or oid in self.values}

    def _locks(self) -> set[tuple[int, Lock]]:
        rows = self.clone.observer.execute(_sql("trace_locks"), (self.clone.pid,)).fetchall()
        return {(oid, lock) for oid, mode in rows if oid in self.existing and (lock := Lock.from_pg_locks(mode))}

    def _probe(self, locks: set[tuple[int, Lock]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Which locked tables another session could not read or write meanwhile, and which locked views it could
        not read (CREATE OR REPLACE VIEW takes ACCESS EXCLUSIVE on the view; writes go to the tables beneath)."""
        tables = sorted(
            {self.existing[oid].table for oid, lock in locks if lock is not Lock.ACCESS_SHARE}
            & {r.name for r in self.existing.values() if r.kind in "rpmv"}
        )
        reads, writes = [], []
        for table in tables:
            name = sql.SQL(".").join(map(sql.Identifier, table.split(".", 1)))
            if not self._try(sql.SQL("SELECT FROM {} LIMIT 0").format(name)):
                reads.append(table)
            kind = next(r.kind for r in self.existing.values() if r.name == table)
            if kind in "rp" and not self._try(
                sql.SQL("DELETE FROM {0} WHERE ctid = (SELECT ctid FROM {0} LIMIT 1)").format(name)
            ):
                writes.append(table)
        return tuple(reads), tuple(writes)

    def _try(self, statement: sql.Composable) -> bool:
        """True when the second session got its locks in time (the statement is always rolled back)."""
        observer = self.clone.observer
        try:
            with observer.transaction(force_rollback=True):
                observer.execute(f"SET LOCAL lock_timeout = {PROBE_LOCK_TIMEOUT_MS}")
                observer.execute(statement)
        except errors.LockNotAvailable:
            return False
        except psycopg.Error:
            # A probe the table refuses for another reason (a trigger, a rule) says nothing about locks.
            return True
        return True

    def _written(self) -> dict[int, tuple[int, int, int]]:
        """Rows the open transaction inserted, updated and deleted so far in each existing table (none outside one:
        a statement run bare, a procedure that COMMITs, leaves no count to read)."""
        if self.clone.traced.info.transaction_status != _INTRANS:
            return {}
        rows = self.clone.traced.execute(_sql("trace_row_counts")).fetchall()
        return {oid: (inserted, updated, deleted) for oid, inserted, updated, deleted in rows if oid in self.existing}

    def _every_row(
        self, before: dict[int, tuple[int, int, int]], after: dict[int, Relation]
    ) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        """Existing tables the statement updated or deleted every row of, those it deleted every row of, and whether
        it counted any table's rows: the rows it wrote in each table (its own counts, not its command tag's: a DO
        block, CALL or function call reports none, and one statement writes each partition of a tree, or a
        trigger's or a cascade's table, apart) against the rows the table itself held (ONLY: an inheritance
        parent's count is its own)."""
        found, emptied, counted = [], [], False
        for oid, (inserted, updated, deleted) in sorted(self._written().items()):
            was = before.get(oid, (0, 0, 0))
            touched, removed = updated - was[1] + deleted - was[2], deleted - was[2]
            if not touched or oid not in after or after[oid].kind not in "rp":
                continue
            name = sql.SQL(".").join(map(sql.Identifier, after[oid].name.split(".", 1)))
            counted = True
            remaining = self.clone.traced.execute(sql.SQL("SELECT count(*) FROM ONLY {}").format(name)).fetchone()[0]
            held = remaining - (inserted - was[0]) + removed
            # A one-row bookkeeping table (alembic_version, schema_migrations) is not a backfill.
            if held >= 2 and touched >= held:
                found.append(after[oid].name)
                if removed >= held:
                    emptied.append(after[oid].name)
        return tuple(sorted(found)), tuple(sorted(emptied)), counted


def _sql(name: str) -> str:
    return sql_text(data_dir("sql") / f"{name}.sql")


def _rank(lock: Lock) -> int:
    return list(Lock).index(lock)


def _untracked(connection: psycopg.Connection) -> None:
    """Keep the trace out of pg_stat_statements (its entries would outlive the clone); superusers only."""
    try:
        connection.execute("SET pg_stat_statements.track = 'none'")
    except psycopg.Error:
        connection.rollback()


def _milliseconds(setting: str) -> int:
    match = re.match(r"^(\d+)\s*(ms|s|min|h)?$", setting.strip())
    if not match:
        return 0
    factor = {"ms": 1, "s": 1000, "min": 60_000, "h": 3_600_000, None: 1}[match[2]]
    return int(match[1]) * factor


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000
