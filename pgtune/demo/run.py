"""``pgtune demo``: a throwaway server, the exchange workload loaded and replayed, then what pgtune says.

The CLI passes in how to show progress and what to report on the workload, so this module knows
neither rich nor any report format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import psycopg

from ..db import connect
from ..doctor import Diagnosis, diagnose
from ..errors import ToolMissing
from .cluster import SERVICE_USER, TemporaryCluster
from .exchange import Sizes, load, replay, statements

DATABASE = "exchange"
REQUIRED_EXTENSIONS = ("pg_stat_statements", "hypopg")
OPTIONAL_EXTENSIONS = ("pg_qualstats",)
_EXTENSION_PACKAGES = {
    "pg_stat_statements": "postgresql-contrib",
    "hypopg": "postgresql-NN-hypopg",
}

T = TypeVar("T")


@dataclass(frozen=True)
class DemoOptions:
    # Small enough to finish in about a minute on two cores; --scale 1 is the bench's 3M trades.
    scale: float = 0.1
    statements: int = 1500
    keep: bool = False
    seed: int = 7
    timescaledb: bool = False
    """trades and candles as TimescaleDB hypertables (the server must have TimescaleDB installed)."""


@dataclass(frozen=True)
class KeptCluster:
    dsn: str
    data_dir: Path
    stop_command: str


@dataclass(frozen=True)
class DemoResult(Generic[T]):
    sizes: Sizes
    statements_run: int
    diagnosis: Diagnosis
    workload: T
    kept: KeptCluster | None


def run_demo(
    options: DemoOptions,
    report: Callable[[str], T],
    step: Callable[[str], None] = lambda phase: None,
) -> DemoResult[T]:
    """Start a server, load and replay the exchange workload, then diagnose it and ``report`` on it.

    ``report`` gets the DSN of the loaded database, as a user would point pgtune at theirs.
    """
    sizes = Sizes.for_scale(options.scale)
    step("starting a throwaway PostgreSQL" + (" with TimescaleDB" if options.timescaledb else ""))
    cluster = start_server(timescaledb=options.timescaledb)
    try:
        result = _run_on(cluster, sizes, options, report, step)
    except BaseException:
        cluster.stop()
        raise
    if not options.keep:
        cluster.stop()
    return result


def start_server(settings: dict[str, str] | None = None, timescaledb: bool = False) -> TemporaryCluster:
    """A started throwaway server with pg_stat_statements (and pg_qualstats when installed) preloaded, and
    TimescaleDB first when asked."""
    cluster = TemporaryCluster(settings={"track_activity_query_size": "8192", **(settings or {})})
    available = cluster.available_extensions()
    if timescaledb and "timescaledb" not in available:
        cluster.stop()
        raise ToolMissing(
            f"--timescaledb needs TimescaleDB, not installed in {cluster.bin_dir}",
            "run bash scripts/install-deps.sh, which builds it from ../shared/timescaledb-src, or install it",
        )
    missing = [name for name in REQUIRED_EXTENSIONS if name not in available]
    if missing:
        cluster.stop()
        packages = ", ".join(_EXTENSION_PACKAGES[name] for name in missing)
        raise ToolMissing(
            f"the demo needs the PostgreSQL extensions {', '.join(missing)}, not installed in {cluster.bin_dir}",
            f"install {packages} (NN = the server's major version), or run bash scripts/install-deps.sh",
        )
    cluster.preload = (
        *(("timescaledb",) if timescaledb else ()),
        "pg_stat_statements",
        *(name for name in OPTIONAL_EXTENSIONS if name in available),
    )
    if timescaledb:
        # No network here: TimescaleDB would otherwise try to send telemetry.
        cluster.settings["timescaledb.telemetry_level"] = "off"
    if "pg_qualstats" in cluster.preload:
        # A throwaway server can afford to sample every statement's predicates.
        cluster.settings["pg_qualstats.sample_rate"] = "1"
    return cluster.start()


def create_database(cluster: TemporaryCluster) -> str:
    """Create the exchange's (empty) database with pgtune's extensions; returns its DSN."""
    # The demo owns this server, so it writes through its own connections; pgtune's read-only
    # sessions (db.connect) only observe, exactly as on a user's database.
    with psycopg.connect(cluster.dsn(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {DATABASE}")
    with psycopg.connect(cluster.dsn(DATABASE), autocommit=True) as app:
        preloaded = (*OPTIONAL_EXTENSIONS, "timescaledb")
        for name in (*REQUIRED_EXTENSIONS, *(n for n in preloaded if n in cluster.preload)):
            app.execute(f"CREATE EXTENSION {name}")
    return cluster.dsn(DATABASE)


def _run_on(
    cluster: TemporaryCluster,
    sizes: Sizes,
    options: DemoOptions,
    report: Callable[[str], T],
    step: Callable[[str], None],
) -> DemoResult[T]:
    with psycopg.connect(create_database(cluster), autocommit=True) as app:
        step(
            f"loading the exchange workload (scale {options.scale:g}: {sizes.trades:,} trades"
            + (", trades and candles as hypertables)" if options.timescaledb else ")")
        )
        load(app, sizes, hypertables=options.timescaledb)
        app.execute("SELECT pg_stat_statements_reset()")
        step(f"replaying {options.statements:,} statements")
        count = replay(app, statements(options.statements, options.seed, sizes))
    step("analyzing")
    workload = report(cluster.dsn(DATABASE))
    with connect(cluster.dsn(DATABASE)) as session:
        diagnosis = diagnose(session)
    kept = _kept(cluster) if options.keep else None
    return DemoResult(sizes, count, diagnosis, workload, kept)


def _kept(cluster: TemporaryCluster) -> KeptCluster:
    stop = f"{cluster.bin_dir / 'pg_ctl'} -D {cluster.data_dir} -m fast stop"
    if cluster.runs_as_service_user:
        stop = f"runuser -u {SERVICE_USER} -- {stop}"
    return KeptCluster(cluster.dsn(DATABASE), cluster.data_dir, f"{stop} && rm -rf {cluster.base_dir}")
