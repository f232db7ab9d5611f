"""What ``pgtune check --trace`` saw each statement do on a throwaway clone, and how it refines the DDL actions.

Pure data: the runner that talks to the server is ``pgtune/gate/trace.py``. A traced fact replaces the
reader's static guess for the same statement (its lock, whether it rewrote or scanned the table, whether
reads and writes of the table would have waited), so the same rules decide the findings either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ..query.ddl_locks import Lock
from ..query.ddl_model import DdlAction, Kind


@dataclass(frozen=True)
class HeldLock:
    relation: str
    """schema.name of the locked relation (a table or an index)."""
    table: str
    """The table the relation belongs to (itself, or an index's table)."""
    mode: Lock
    held_ms: float
    """From the statement that took it to the end of its transaction (pgtune's own probing time excluded)."""


@dataclass(frozen=True)
class RenamedValue:
    """An enum value ALTER TYPE ... RENAME VALUE renamed: the application's writes of the old one fail."""

    enum: str
    """schema.type"""
    old: str
    new: str


@dataclass(frozen=True)
class StatementTrace:
    file: str
    line: int
    column: int
    sql: str
    duration_ms: float
    lock_timeout_ms: int
    """The session's lock_timeout when the statement started (0: none)."""
    in_transaction: bool
    """Ran inside the file's own (or its tool's) transaction block."""
    probed: bool
    """A second session tried reads and writes of the locked tables while the locks were held."""
    new_locks: tuple[HeldLock, ...] = ()
    """Locks on tables that existed before the file, taken (or strengthened) by this statement."""
    reads_waited: tuple[str, ...] = ()
    """Existing tables a ``SELECT ... LIMIT 0`` from another session could not lock while this statement's
    transaction held its locks."""
    writes_waited: tuple[str, ...] = ()
    """Existing tables a one-row DELETE (rolled back) from another session could not lock, row locks included."""
    rewritten: tuple[str, ...] = ()
    """Existing tables whose relfilenode changed."""
    rewritten_parents: tuple[str, ...] = ()
    """Partitioned tables (no storage of their own) one of whose partitions ``rewritten`` names."""
    rebuilt_indexes: tuple[str, ...] = ()
    scanned: tuple[str, ...] = ()
    """Existing tables read in full under the lock: DEBUG1 ``verifying table``, ``validating foreign key
    constraint`` or ``building index``."""
    scanned_parents: tuple[str, ...] = ()
    """Partitioned tables one of whose partitions ``scanned`` names."""
    messages: tuple[str, ...] = ()
    every_row: tuple[str, ...] = ()
    """Existing, non-empty tables an UPDATE or DELETE touched every row of."""
    emptied: tuple[str, ...] = ()
    """Of ``every_row``, the tables the statement deleted every row of."""
    every_row_parents: tuple[str, ...] = ()
    """Partitioned tables one of whose partitions ``every_row`` names (a DELETE through the parent that
    empties a month touches every row of that partition)."""
    dropped: tuple[str, ...] = ()
    """Existing tables, views (``schema.t``) or columns (``schema.t.c``) gone after the statement."""
    replaced: tuple[str, ...] = ()
    """Existing views the statement dropped that its transaction created again with every column they had: their
    readers waited on the lock (``reads_waited``), none failed (left out of ``dropped``)."""
    renamed: tuple[str, ...] = ()
    renamed_values: tuple[RenamedValue, ...] = ()
    """Values of enums that existed before the file, renamed."""
    error_sqlstate: str | None = None
    error: str | None = None
    skipped: str = ""
    """Why the statement was not run (a cluster-wide effect would outlive the clone)."""
    after_skipped: bool = False
    """An earlier statement of the file was skipped: a failure may only mean what it would have created."""

    @property
    def location(self) -> tuple[str, int, int]:
        return (self.file, self.line, self.column)

    @property
    def failed(self) -> bool:
        return self.error_sqlstate is not None

    @property
    def counts_as_failure(self) -> bool:
        return self.failed and not self.after_skipped

    def strongest_lock(self, table: str | None) -> Lock | None:
        """The strongest lock this statement took on the table itself (its indexes' locks are left out: a
        concurrent build swaps them under ACCESS EXCLUSIVE for an instant; the probes say what waited)."""
        modes = [held.mode for held in self.new_locks if held.relation == table]
        return max(modes, key=list(Lock).index) if modes else None

    def waited(self, table: str | None) -> bool:
        return table in self.reads_waited or table in self.writes_waited

    def lock_made_wait(self, table: str | None) -> bool:
        """This statement took a table lock that conflicts with reads or writes, and they waited. Row locks
        of an UPDATE or DELETE are left out: they are what MG016 and ``every_row`` are about."""
        lock = self.strongest_lock(table)
        return lock is not None and _rank(lock) >= _rank(Lock.SHARE_UPDATE_EXCLUSIVE) and self.waited(table)

    def hazards(self) -> list[str]:
        """Why this statement would hurt a busy production table, from what the server did, or nothing.

        The corpus labels are these reasons: a failure; a rewrite of an existing table; a full read of one
        while its writes wait; every row of one updated or deleted at once; a column or table the running
        application may use dropped or renamed (a view, an enum value); a lock that makes reads or writes wait
        (a view's readers too), taken with no lock_timeout."""
        found = []
        if self.counts_as_failure:
            found.append(f"fails: {self.error_sqlstate} {self.error}")
        found.extend(f"rewrites {t}" for t in self.rewritten)
        blocked = set(self.writes_waited) | set(self.reads_waited)
        found.extend(f"scans {t} while writes wait" for t in self.scanned if t in blocked)
        found.extend(f"rebuilds index {i} while writes wait" for i in self.rebuilt_indexes if blocked)
        found.extend(f"touches every row of {t}" for t in self.every_row)
        found.extend(f"drops {t}" for t in self.dropped)
        found.extend(f"renames {t}" for t in self.renamed)
        found.extend(f"renames value '{v.old}' of enum {v.enum} to '{v.new}'" for v in self.renamed_values)
        if not self.lock_timeout_ms:
            waits = sorted({held.table for held in self.new_locks if self.lock_made_wait(held.table)})
            found.extend(f"{self._mode(t)} on {t} with no lock_timeout" for t in waits)
        return list(dict.fromkeys(found))

    def _mode(self, table: str) -> str:
        lock = self.strongest_lock(table)
        return lock.value if lock else "a lock"

    def summary(self) -> str:
        """One line of what the trace saw, for the corpus labels and the report's evidence."""
        if self.skipped:
            return f"not run: {self.skipped}"
        parts = [f"{h.mode.value} on {h.relation} held {h.held_ms:.0f} ms" for h in self.new_locks]
        if self.probed:
            parts.append(f"reads waited: {', '.join(self.reads_waited) or 'none'}")
            parts.append(f"writes waited: {', '.join(self.writes_waited) or 'none'}")
        else:
            parts.append("not probed (ran outside a transaction block)")
        parts.extend(f"rewrote {t}" for t in self.rewritten)
        parts.extend(f"scanned {t}" for t in self.scanned)
        parts.extend(f"every row of {t}" for t in self.every_row)
        parts.extend(f"dropped and created again {t}" for t in self.replaced)
        if self.failed:
            parts.append(f"failed: {self.error_sqlstate} {self.error}")
        return "; ".join(parts)


@dataclass(frozen=True)
class FileTrace:
    file: str
    statements: tuple[StatementTrace, ...]
    existing_tables: frozenset[str] = frozenset()
    """Tables, materialized views and views the clone had before the file ran."""
    not_run: int = 0
    """Statements after a failure (the file stops at its first error, as with ``psql -v ON_ERROR_STOP=1``)."""
    elapsed_ms: float = 0.0

    @property
    def failure(self) -> StatementTrace | None:
        return next((s for s in self.statements if s.failed), None)

    def hazards(self) -> list[str]:
        return [f"line {s.line}: {h}" for s in self.statements for h in s.hazards()]


@dataclass(frozen=True)
class Trace:
    files: tuple[FileTrace, ...]
    server_version_num: int
    source: str
    """``clones of <db> on <redacted dsn>``."""

    def statements(self) -> Mapping[tuple[str, int, int], StatementTrace]:
        return {s.location: s for f in self.files for s in f.statements}

    def existing_tables(self, file: str) -> frozenset[str] | None:
        return next((f.existing_tables for f in self.files if f.file == file), None)


def _rank(lock: Lock) -> int:
    return list(Lock).index(lock)


def apply_trace(actions: Iterable[DdlAction], trace: Trace) -> tuple[DdlAction, ...]:
    """The actions with the trace's facts in place of the reader's guesses; statements the reader has no
    action for but that took a lock on an existing table become an action of their own."""
    traced = trace.statements()
    result: list[DdlAction] = []
    covered: dict[tuple[str, int, int], set[str | None]] = {}
    for action in actions:
        statement = traced.get(_traced_at(action))
        if statement is None:
            result.append(action)
            continue
        if action.kind is Kind.RENAME_VALUE:
            continue  # the trace compares the enum's values before and after: its own list says what was renamed
        # Only a DO block's statements (some maybe unread: dynamic SQL) leave the block's other locks open.
        covered.setdefault(statement.location, set()).add(action.table if action.do_block else "*")
        existing = trace.existing_tables(action.file)
        if _skipped_in_block(action, statement, existing):
            continue
        if action.table is not None and existing is not None and action.table not in existing:
            # Created earlier in the set, or not there at all (DROP ... IF EXISTS of nothing).
            action = replace(action, target_is_new=True)
        result.append(_refine(action, statement))
    for statement in traced.values():
        failed = [None] if statement.counts_as_failure and statement.location not in covered else []
        tables = list(dict.fromkeys((*(h.table for h in statement.new_locks), *statement.every_row))) or failed
        seen = covered.get(statement.location, set())
        result.extend(_unmodelled(statement, table) for table in tables if "*" not in seen and table not in seen)
        result.extend(_renamed_value(statement, value) for value in statement.renamed_values)
    order = {location: i for i, location in enumerate(traced)}
    return tuple(sorted(result, key=lambda a: (order.get(_traced_at(a), -1), a.file, a.line)))


def _skipped_in_block(action: DdlAction, statement: StatementTrace, existing: frozenset[str] | None) -> bool:
    """A DO block's statement under an IF that was false (EF Core's script of a migration already applied):
    the block ran and took no lock on the existing table the statement is about, none held before."""
    if not action.do_block or existing is None or action.table not in existing or action.held_lock is not None:
        return False
    touched = {h.table for h in statement.new_locks} | set(statement.rewritten) | set(statement.scanned)
    return not statement.failed and action.table not in touched


def _traced_at(action: DdlAction) -> tuple[str, int, int]:
    """Where the trace ran the action's statement: a statement a DO block ran was traced as the block."""
    return (action.file, *(action.do_block or (action.line, action.column)))


def _observed(statement: StatementTrace, table: str | None) -> dict:
    return {
        "traced": True,
        "probed": statement.probed,
        "reads_wait": table in statement.reads_waited,
        "writes_wait": table in statement.writes_waited,
        "lock_made_wait": statement.lock_made_wait(table),
        "lock_timeout_set": bool(statement.lock_timeout_ms),
        "error": f"{statement.error_sqlstate} {statement.error}" if statement.counts_as_failure else None,
        "trace_summary": statement.summary(),
    }


def _refine(action: DdlAction, statement: StatementTrace) -> DdlAction:
    table = action.table
    observed = statement.strongest_lock(table)
    if action.kind is Kind.ATTACH_PARTITION:
        scans, rewrites = action.name in statement.scanned, False
    elif action.kind is Kind.REINDEX:
        scans, rewrites = bool(statement.rebuilt_indexes) or table in statement.scanned, False
    elif action.kind is Kind.CREATE_INDEX:
        # A partitioned table's index is built on each partition.
        scans, rewrites = bool(statement.scanned), False
    else:
        # A partitioned table has no storage: what happened to it is what happened to its partitions.
        scans = table in statement.scanned or table in statement.scanned_parents
        rewrites = table in statement.rewritten or table in statement.rewritten_parents
    kind = action.kind if statement.failed else _traced_kind(action, statement)
    if action.kind in (Kind.UPDATE, Kind.DELETE):
        whole = table in statement.every_row or table in statement.every_row_parents
    else:
        whole = action.whole_table
    # A statement that failed changed nothing: what it would have done is unknown, and it is a finding itself.
    if statement.failed:
        scans, rewrites = action.scans, action.rewrites
    if action.kind in (Kind.CREATE_TABLE, Kind.ATTACH_PARTITION):
        # The DEFAULT partition the server read beside the new partition (not the partition being attached).
        default = next((t for t in statement.scanned if t not in (action.name, table)), None)
    else:
        default = action.scans_default
    return replace(
        action,
        kind=kind,
        lock=observed or action.lock,
        rewrites=rewrites,
        scans=scans,
        scans_default=default if not statement.failed else action.scans_default,
        whole_table=whole,
        **_observed(statement, table),
    )


def _traced_kind(action: DdlAction, statement: StatementTrace) -> Kind:
    """What the server showed a drop to be: of nothing (IF EXISTS of a column the table lacks: the lock only), or
    of a view its transaction created again (a replacement: the lock on the view, no reader broken), or not."""
    if action.kind is Kind.DROP_COLUMN and f"{action.table}.{action.name}" not in statement.dropped:
        return Kind.ALTER_TABLE_OTHER
    if action.kind is Kind.DROP_TABLE and action.table in statement.replaced:
        return Kind.REPLACE_VIEW
    if action.kind is Kind.REPLACE_VIEW and action.table in statement.dropped:
        return Kind.DROP_TABLE
    return action.kind


def _unmodelled(statement: StatementTrace, table: str | None) -> DdlAction:
    """What the reader left unmodelled, as the trace saw it; an existing relation it dropped (in a DO block's
    dynamic SQL, say) is a drop, one whose every row it updated or deleted (a procedure's, a function's) a
    backfill."""
    kind = Kind.DROP_TABLE if table in statement.dropped else Kind.STATEMENT
    if table in statement.every_row:
        kind = Kind.DELETE if table in statement.emptied else Kind.UPDATE
    return _seen(
        statement,
        kind,
        table,
        table,
        lock=statement.strongest_lock(table),
        rewrites=table in statement.rewritten,
        scans=table in statement.scanned,
        whole_table=table in statement.every_row,
    )


def _renamed_value(statement: StatementTrace, value: RenamedValue) -> DdlAction:
    return _seen(statement, Kind.RENAME_VALUE, value.enum, None, lock=None, name=value.old, new_name=value.new)


def _seen(statement: StatementTrace, kind: Kind, target: str | None, table: str | None, **facts) -> DdlAction:
    """An action only the trace shows, about ``target``; ``table`` is the relation whose locks and waits it
    carries."""
    return DdlAction(
        kind=kind,
        file=statement.file,
        line=statement.line,
        column=statement.column,
        sql=statement.sql,
        table=target,
        in_transaction=statement.in_transaction,
        **facts,
        **_observed(statement, table),
    )
