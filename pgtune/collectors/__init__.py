"""Collectors: a live server (or a saved snapshot) → one :class:`~pgtune.facts.Snapshot`.

One module per source; each runs a constant number of queries for the whole database. A source that cannot
be read (no privilege, extension missing, view absent in this version) leaves a CollectionGap and the
rest goes on.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..db import Session, SessionGuards, connect
from ..errors import BadInput
from ..facts import CollectionGap, Snapshot, WorkloadSample
from .activity import collect_activity
from .base import Gaps
from .checkpointer import collect_checkpointer
from .column_stats import collect_column_stats
from .constraints import collect_constraints
from .database import collect_database
from .indexes import collect_indexes
from .pgbouncer import PgBouncerWatch
from .plans import collect_analyzed_plans, collect_plans
from .qualstats import collect_example_queries, collect_qualstats
from .settings import collect_server, collect_settings
from .statements import collect_reset, collect_statements
from .statmonitor import collect_latency_histogram
from .tables import (
    collect_columns,
    collect_extended_statistics,
    collect_sequences,
    collect_tables,
    collect_views,
)
from .textfile import sniff
from .timescaledb import collect_timescaledb, fold_chunks
from .volatility import collect_volatility
from .workload import read_workload

_PGSS_REMEDY = "add pg_stat_statements to shared_preload_libraries, restart, then CREATE EXTENSION pg_stat_statements;"


@dataclass(frozen=True)
class CollectOptions:
    top_statements: int = 500
    """How many pg_stat_statements entries to keep, by total execution time."""
    plans: bool = True
    max_plans: int = 50
    """Generic plans of this many top statements (and EXPLAIN ANALYZE of as many samples when asked)."""
    explain_analyze: bool = False
    """Run EXPLAIN ANALYZE (rolled back) on read-only SELECT samples from the workload files."""
    workload_files: tuple[Path, ...] = ()
    mcv_limit: int = 20
    """Most common values kept per column."""
    qualstats_limit: int = 5000
    pgbouncer_dsns: tuple[str, ...] = ()
    """PgBouncer admin consoles (``--pgbouncer``), read when the collection starts and again when it ends."""
    pgbouncer_interval_s: float = 5.0
    """The least time between the two readings of each PgBouncer."""


def collect(session: Session, options: CollectOptions | None = None) -> Snapshot:
    options = options or CollectOptions()
    watch = PgBouncerWatch(options.pgbouncer_dsns, options.pgbouncer_interval_s).open()
    try:
        snapshot = _collect(session, options)
    except BaseException:
        watch.close()
        raise
    return dataclasses.replace(snapshot, poolers=watch.finish())


def _collect(session: Session, options: CollectOptions) -> Snapshot:
    gaps = Gaps()
    collected_at = datetime.now(timezone.utc)
    server = collect_server(session, gaps.attempt("pg_settings", lambda: collect_settings(session), ()))
    workload = _read_workloads(options.workload_files, gaps)
    pgss = server.extension("pg_stat_statements")
    statements, reset_at, deallocations = (), None, None
    if pgss is None:
        gaps.add("pg_stat_statements", "the extension is not created in this database", _PGSS_REMEDY)
    else:
        statements = gaps.attempt(
            "pg_stat_statements",
            lambda: collect_statements(session, pgss, options.top_statements, gaps),
            (),
            _PGSS_REMEDY,
        )
        reset_at, deallocations = gaps.attempt(
            "pg_stat_statements_info", lambda: collect_reset(session, pgss), (None, None)
        )
    columns = gaps.attempt("columns", lambda: collect_columns(session), {})
    indexes = gaps.attempt("indexes", lambda: collect_indexes(session, columns), ())
    plans = ()
    if options.plans:
        plans = collect_plans(session, statements, options.max_plans, gaps)
    if options.explain_analyze:
        plans += collect_analyzed_plans(session, workload, options.max_plans, gaps)
    qualstats_extension = server.extension("pg_qualstats")
    timescale_extension = server.extension("timescaledb")
    monitor_extension = server.extension("pg_stat_monitor")

    snapshot = Snapshot(
        server=server,
        collected_at=collected_at,
        statements=statements,
        statements_reset_at=reset_at,
        statements_deallocations=deallocations,
        tables=gaps.attempt("tables", lambda: collect_tables(session, columns, indexes), ()),
        indexes=indexes,
        constraints=gaps.attempt("constraints", lambda: collect_constraints(session), ()),
        column_stats=gaps.attempt("pg_stats", lambda: collect_column_stats(session, options.mcv_limit), ()),
        sequences=gaps.attempt("sequences", lambda: collect_sequences(session), ()),
        views=gaps.attempt("views", lambda: collect_views(session), ()),
        extended_statistics=gaps.attempt("extended_statistics", lambda: collect_extended_statistics(session), ()),
        database=gaps.attempt("pg_stat_database", lambda: collect_database(session), None),
        activity=gaps.attempt("pg_stat_activity", lambda: collect_activity(session, gaps), None),
        checkpointer=gaps.attempt("checkpointer", lambda: collect_checkpointer(session), None),
        qualstats=gaps.attempt(
            "pg_qualstats", lambda: collect_qualstats(session, qualstats_extension, options.qualstats_limit), ()
        )
        if qualstats_extension
        else (),
        example_queries=gaps.attempt(
            "pg_qualstats examples",
            lambda: collect_example_queries(session, qualstats_extension, options.top_statements),
            (),
        )
        if qualstats_extension
        else (),
        plans=plans,
        volatility=gaps.attempt("pg_proc volatility", lambda: collect_volatility(session), None),
        timescaledb=collect_timescaledb(session, timescale_extension, gaps) if timescale_extension else None,
        workload=workload,
        latency_histogram=collect_latency_histogram(session, monitor_extension, gaps) if monitor_extension else None,
        gaps=tuple(gaps.items),
    )
    return fold_chunks(snapshot)


def _read_workloads(paths: tuple[Path, ...], gaps: Gaps) -> tuple[WorkloadSample, ...]:
    samples: list[WorkloadSample] = []
    for path in paths:
        try:
            found, skipped = read_workload(path)
        except BadInput as exc:
            gaps.items.append(CollectionGap(f"workload {path}", exc.message, exc.hint or ""))
            continue
        samples.extend(found)
        gaps.items.extend(skipped)
    return tuple(samples)


def check_workload_files(paths: tuple[Path, ...]) -> None:
    """Refuse, before any server is asked, a workload file that is missing, unreadable, empty or binary:
    BadInput (exit 2), as for any unusable input."""
    for path in paths:
        if path.is_dir():
            raise BadInput(f"the workload file {path} is a directory", "pass the SQL files or logs in it")
        sniff(path)


def add_workload(snapshot: Snapshot, paths: tuple[Path, ...]) -> Snapshot:
    """A saved snapshot with more workload files read into it (offline: no server needed)."""
    if not paths:
        return snapshot
    gaps = Gaps()
    samples = _read_workloads(paths, gaps)
    return dataclasses.replace(snapshot, workload=snapshot.workload + samples, gaps=snapshot.gaps + tuple(gaps.items))


def snapshot_from(
    dsn: str | None,
    snapshot_path: Path | None,
    options: CollectOptions | None = None,
    guards: SessionGuards | None = None,
) -> Snapshot:
    """A saved snapshot when ``snapshot_path`` is given, else a collection from the server (``--dsn``)."""
    if snapshot_path is not None:
        if dsn:
            raise BadInput("both --dsn and --snapshot were given", "pass one: a live server or a saved snapshot")
        return Snapshot.load(snapshot_path)
    with connect(dsn, guards) as session:
        return collect(session, options)


__all__ = ["CollectOptions", "add_workload", "check_workload_files", "collect", "snapshot_from"]
