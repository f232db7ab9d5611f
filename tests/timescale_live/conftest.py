"""The suite's TimescaleDB server: PostgreSQL 15 with timescaledb and pg_stat_statements preloaded, started by the
suite like the first server (tests/conftest.py), one database per test module.

TimescaleDB has no Debian package here; scripts/install-deps.sh builds it from ../shared/timescaledb-src. Where
that did not happen (no ../shared beside the clone), these tests skip and say so.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from pgtune.demo.cluster import TemporaryCluster, find_pg_bin

from ..conftest import TestDatabase

PRELOAD = ("timescaledb", "pg_stat_statements")
SETTINGS = {
    "timescaledb.telemetry_level": "off",
    "timescaledb.max_background_workers": "4",
    "max_worker_processes": "16",
}
EXTENSIONS = ("timescaledb", "pg_stat_statements", "hypopg")


def timescale_bin_dir() -> Path | None:
    """The server programs of an installation that has TimescaleDB (Debian's 15, where install-deps builds it,
    else whichever the first server uses)."""
    for directory in (Path("/usr/lib/postgresql/15/bin"), find_pg_bin()):
        pg_config = directory / "pg_config"
        if pg_config.exists():
            sharedir = subprocess.run([str(pg_config), "--sharedir"], capture_output=True, text=True).stdout.strip()
            if Path(sharedir, "extension", "timescaledb.control").exists():
                return directory
    return None


@pytest.fixture(scope="session")
def timescale_cluster() -> Iterator[TemporaryCluster]:
    bin_dir = timescale_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "TimescaleDB is not installed: bash scripts/install-deps.sh builds it from ../shared/timescaledb-src"
        )
    cluster = TemporaryCluster(preload=PRELOAD, settings=SETTINGS)
    cluster.bin_dir = bin_dir
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def ts_database(request: pytest.FixtureRequest, timescale_cluster: TemporaryCluster) -> Iterator[TestDatabase]:
    name = re.sub(r"\W+", "_", request.module.__name__.rsplit(".", 1)[-1]).lower()
    dbname = f"ts_{name}_{os.getpid()}"[:63]
    with psycopg.connect(timescale_cluster.dsn(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {dbname}")
    database = TestDatabase(timescale_cluster.host, timescale_cluster.port, timescale_cluster.user, dbname)
    with database.connect() as conn:
        for extension in EXTENSIONS:
            conn.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
    yield database
    with psycopg.connect(timescale_cluster.dsn(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {dbname} WITH (FORCE)")


def wait_for(condition, timeout_s: float = 60.0, every_s: float = 0.5):
    """Polls ``condition`` until it returns something truthy (background jobs run on their own clock)."""
    deadline = time.monotonic() + timeout_s
    while True:
        found = condition()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(every_s)
