"""The plan-regression gate's live part: the workload's top statements planned before and after a migration.

Indexes the migration creates become HypoPG hypothetical indexes; indexes it drops are hidden from the
planner where the installed HypoPG can (1.4.0+), otherwise the statements whose current generic plans use
them are listed for review. Everything happens in the read-only session, and HypoPG is reset on every
way out, errors included. Only index changes are re-planned: other DDL (new columns, type changes) is
judged by the static rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import psycopg

from ..advisors.migrations.context import DroppedIndex, NewIndex, PlanCheck, ReplannedStatement, by_time
from ..collectors.catalog import catalog_from_snapshot
from ..collectors.plans import is_plannable
from ..db import Session
from ..errors import ExtensionMissing
from ..explain import explain
from ..facts import Snapshot, StatementPlan, StatementStats
from ..query import model_statement
from ..query.ddl_model import DdlAction, Kind
from ..query.model import Catalog, ParseFailure
from ..whatif.hypopg import HypoPG, hypothetical_oid
from ..whatif.selection import write_cost_ms_per_day
from ..whatif.spec import IndexKey, IndexSpec
from .plancheck import RegressionSettings

_CATALOG_SCHEMAS = frozenset({"pg_catalog", "information_schema"})
_COLUMN = re.compile(r"^\w+$")


def top_statements(snapshot: Snapshot, limit: int) -> tuple[StatementStats, ...]:
    """The ``limit`` plannable statements on user tables with the most calls × mean time, one per queryid
    (pg_stat_statements keeps a row per user and toplevel flag)."""
    catalog = catalog_from_snapshot(snapshot)
    merged: dict[int | str, StatementStats] = {}
    for stats in snapshot.statements:
        if not stats.calls or not is_plannable(stats.query) or not _on_user_tables(stats, catalog):
            continue
        key = stats.queryid if stats.queryid is not None else stats.query
        seen = merged.get(key)
        if seen is not None:
            calls = seen.calls + stats.calls
            total = seen.total_exec_ms + stats.total_exec_ms
            stats = StatementStats(seen.queryid, seen.query, calls, total, total / calls)
        merged[key] = stats
    ranked = sorted(merged.values(), key=lambda s: (-s.calls * s.mean_exec_ms, s.query))
    return tuple(ranked[:limit])


def _on_user_tables(stats: StatementStats, catalog: Catalog) -> bool:
    shape = model_statement(stats.query, catalog, stats.queryid)
    return not isinstance(shape, ParseFailure) and any(
        r.schema not in _CATALOG_SCHEMAS and not r.name.startswith("pg_")
        for r in (*shape.relations_read, *shape.relations_written)
    )


def replan(
    session: Session, snapshot: Snapshot, actions: tuple[DdlAction, ...], settings: RegressionSettings
) -> PlanCheck:
    """Plan the workload's top statements as they are, then with the migration's index changes."""
    dropped_new = {a.name for a in actions if a.kind is Kind.DROP_INDEX and a.target_is_new}
    creates = [
        a
        for a in actions
        if a.kind is Kind.CREATE_INDEX and a.index and not a.target_is_new and _qualified(a) not in dropped_new
    ]
    drops = [a for a in actions if a.kind is Kind.DROP_INDEX and not a.target_is_new and a.name]
    if not creates and not drops:
        return PlanCheck(settings.max_regression_pct, notes=("plan check: the migration changes no index",))
    statements = top_statements(snapshot, settings.max_statements)
    try:
        hypopg = HypoPG(session)
    except ExtensionMissing:
        raise ExtensionMissing(
            "HypoPG is not created in this database, so --max-regression cannot re-plan the workload",
            "CREATE EXTENSION hypopg; (package postgresql-NN-hypopg), or leave out --max-regression",
        ) from None
    notes: list[str] = []
    with hypopg:
        before = [explain(session, s.query, s.queryid) for s in statements]
        created = _create(hypopg, creates, notes)
        hidden = _hide(session, hypopg, drops, notes) if hypopg.can_hide_indexes else set()
        after = [explain(session, s.query, s.queryid) for s in statements]
    replanned: list[tuple[ReplannedStatement, StatementPlan, StatementPlan]] = []
    for stats, old, new in zip(statements, before, after, strict=True):
        if old.root is None or new.root is None:
            notes.append(f"plan check: could not plan queryid {stats.queryid}: {old.error or new.error}")
            continue
        result = ReplannedStatement(
            stats.queryid, stats.query, stats.calls, stats.mean_exec_ms, old.root.total_cost, new.root.total_cost
        )
        replanned.append((result, old, new))
    return PlanCheck(
        max_regression_pct=settings.max_regression_pct,
        statements=tuple(r for r, _, _ in replanned),
        new_indexes=tuple(
            NewIndex(action, _helped(oid, replanned), write_cost_ms_per_day(_spec(action), snapshot))
            for oid, action in created.items()
        ),
        dropped_indexes=tuple(DroppedIndex(a, _users(a, replanned), a.name in hidden) for a in drops),
        hypopg_version=hypopg.version,
        notes=tuple(notes),
    )


def _qualified(action: DdlAction) -> str:
    return f"{(action.table or 'public.').split('.')[0]}.{action.name}"


def _create(hypopg: HypoPG, creates: Iterable[DdlAction], notes: list[str]) -> dict[int, DdlAction]:
    created: dict[int, DdlAction] = {}
    for action in creates:
        try:
            created[hypopg.create_from(action.index.statement)] = action
        except psycopg.Error as exc:
            notes.append(
                f"{action.file}:{action.line}: HypoPG could not create {action.name or 'the index'}: {_first(exc)}"
            )
    return created


def _hide(session: Session, hypopg: HypoPG, drops: Iterable[DdlAction], notes: list[str]) -> set[str]:
    """The names of the dropped indexes now hidden from the planner."""
    hidden: set[str] = set()
    for action in drops:
        rows = session.named("index_oid", {"name": action.name})
        if not rows or rows[0]["oid"] is None:
            notes.append(f"{action.file}:{action.line}: {action.name} does not exist in this database")
            continue
        hypopg.hide(rows[0]["oid"])
        hidden.add(action.name)
    return hidden


def _first(exc: psycopg.Error) -> str:
    return " ".join(str(exc).splitlines()[0].split()) if str(exc) else type(exc).__name__


def _helped(oid: int, replanned: list[tuple[ReplannedStatement, StatementPlan, StatementPlan]]):
    return by_time(
        [
            result
            for result, _, new in replanned
            if result.cost_after < result.cost_before
            and any(hypothetical_oid(node.index_name) == oid for node in new.root.walk())
        ]
    )


def _users(action: DdlAction, replanned: list[tuple[ReplannedStatement, StatementPlan, StatementPlan]]):
    name = (action.name or "").split(".")[-1]
    return by_time([result for result, old, _ in replanned if any(n.index_name == name for n in old.root.walk())])


def _spec(action: DdlAction) -> IndexSpec:
    """The created index as the index advisor's write-cost estimate takes it."""
    schema, table = (action.table or "public.").split(".", 1)
    index = action.index
    keys = tuple(IndexKey(k) if _COLUMN.match(k) else IndexKey(None, k) for k in index.key_texts)
    include = tuple(i.column for i in index.include)
    return IndexSpec(schema, table, keys, include, index.predicate, index.method)
