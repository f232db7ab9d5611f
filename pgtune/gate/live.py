"""``pgtune check --dsn``: database facts collected live, and the plan-regression gate in the same session."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..advisors.migrations.context import MigrationContext
from ..collectors import CollectOptions, collect
from ..db import SessionGuards, connect
from ..facts import Snapshot
from .config import CheckConfig
from .plancheck import RegressionSettings
from .probes import probe_actions
from .replan import replan
from .run import CheckResult, check_paths
from .trace import trace_paths


def check_live(
    paths: list[Path],
    dsn: str,
    guards: SessionGuards,
    config: CheckConfig,
    history: tuple[Path, ...] = (),
    server_version_num: int | None = None,
    regression: RegressionSettings | None = None,
    probe_timeout_ms: int | None = None,
) -> CheckResult:
    """Collect a snapshot on a read-only session, build the context from it, re-plan when asked, and with
    ``probe_timeout_ms`` probe the rows of each statement that may fail (``pgtune/gate/probes.py``)."""
    with connect(dsn, guards) as session:
        snapshot = collect(session, CollectOptions())
        context = MigrationContext.from_snapshot(snapshot, f"live database {session.redacted_dsn}", server_version_num)
        context = replace(context, known=replace(context.known, views=_views(snapshot)))
        replanner = None
        if regression is not None:
            replanner = lambda actions: replan(session, snapshot, actions, regression)  # noqa: E731
        prober = None
        if probe_timeout_ms is not None:
            prober = lambda actions, files: probe_actions(  # noqa: E731
                session, actions, files, context.known, probe_timeout_ms
            )
        return check_paths(paths, context, config, history, replanner, probe=prober)


def _views(snapshot: Snapshot) -> frozenset[str] | None:
    """Every view and materialized view of the live catalog (so DROP VIEW IF EXISTS of another does nothing), or
    None when they could not be read. Only a live read says so: a snapshot file may predate its views' list."""
    if any(gap.source == "views" for gap in snapshot.gaps):
        return None
    return frozenset(f"{v.schema}.{v.name}" for v in snapshot.views)


def check_traced(
    paths: list[Path],
    dsn: str,
    guards: SessionGuards,
    config: CheckConfig,
    history: tuple[Path, ...] = (),
    server_version_num: int | None = None,
    production: Snapshot | None = None,
    production_source: str = "",
) -> CheckResult:
    """Run each file on a throwaway clone of ``dsn``'s database (``pgtune/gate/trace.py``) and check it with
    the trace's facts in place of the reader's guesses.

    The traced database is a copy (staging, a schema-only restore): its column types are the schema's, its
    sizes are not production's, so sizes, write rates and index users come only from ``production`` (a
    ``--snapshot`` of the production database) when given."""
    traced, notes = trace_paths(paths, dsn, config, guards)
    if production is not None:
        context = MigrationContext.from_snapshot(production, production_source, server_version_num)
    else:
        with connect(dsn, guards) as session:
            schema = collect(session, CollectOptions())
        context = MigrationContext.from_snapshot(schema, "", server_version_num)
        context = replace(context, tables={}, index_users={}, stats_window_s=None)
    source = ", ".join(filter(None, (context.source, f"traced on {traced.source}")))
    context = replace(context, source=source, server_version_num=server_version_num or traced.server_version_num)
    result = check_paths(paths, context, config, history, trace=traced)
    return replace(result, notes=(*result.notes, *notes)) if notes else result
