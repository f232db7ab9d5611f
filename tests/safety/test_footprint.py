"""pgtune's footprint in pg_stat_statements, on a server of its own whose pg_stat_statements.max is the
smallest allowed (100): one ``pgtune analyze`` adds at most one entry and evicts none of the application's,
when the role may turn tracking off (``GRANT SET ON PARAMETER``, PostgreSQL 15+), and doctor names that grant
when it may not."""

from __future__ import annotations

import json
import subprocess
import sys

import psycopg
import pytest

from pgtune.demo.cluster import TemporaryCluster

ROLE, PASSWORD = "pgtune_footprint", "fp-secret"


@pytest.fixture(scope="module")
def small_server():
    cluster = TemporaryCluster(settings={"pg_stat_statements.max": "100"}).start()
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as admin:
            admin.execute(
                "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;"
                f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'; GRANT pg_monitor TO {ROLE};"
                "CREATE ROLE pgtune_plain LOGIN PASSWORD 'plain-secret'; GRANT pg_monitor TO pgtune_plain;"
                f"GRANT pg_read_all_data TO {ROLE}, pgtune_plain;"  # EXPLAIN needs SELECT on what it plans
                f"GRANT SET ON PARAMETER pg_stat_statements.track TO {ROLE};"
                "CREATE TABLE book (id int PRIMARY KEY, market int NOT NULL, side text NOT NULL, price int NOT NULL);"
                "INSERT INTO book SELECT g, g % 30, CASE WHEN g % 2 = 0 THEN 'b' ELSE 's' END, g % 977 "
                "FROM generate_series(1, 20000) g; ANALYZE book"
            )
        yield cluster
    finally:
        cluster.stop()


def entries(admin: psycopg.Connection) -> set[int]:
    return {row[0] for row in admin.execute("SELECT queryid FROM pg_stat_statements")}


def replay_application(admin: psycopg.Connection, server: TemporaryCluster) -> None:
    admin.execute("SELECT pg_stat_statements_reset()")
    with psycopg.connect(server.dsn(), autocommit=True) as app:
        for n in range(60):  # 60 distinct statements, as an application would send them
            app.execute(f"SELECT id, price FROM book WHERE market = %s AND price > %s LIMIT {n + 1}", (n % 30, n))


def analyze(server: TemporaryCluster, user: str, password: str, *extra: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pgtune",
            "analyze",
            "--format",
            "json",
            "--dsn",
            server.dsn(user=user, password=password),
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["recommendations"] is not None


def test_one_analyze_adds_at_most_one_entry_and_evicts_none(small_server):
    with psycopg.connect(small_server.dsn(), autocommit=True) as admin:
        admin.execute("SET pg_stat_statements.track = 'none'")
        replay_application(admin, small_server)
        before = entries(admin)
        dealloc = admin.execute("SELECT dealloc FROM pg_stat_statements_info").fetchone()[0]
        analyze(small_server, ROLE, PASSWORD)
        after = entries(admin)
        assert before <= after  # none of the application's entries was evicted
        assert len(after - before) <= 1  # the SET that turns tracking off is itself recorded
        assert admin.execute("SELECT dealloc FROM pg_stat_statements_info").fetchone()[0] == dealloc


def test_without_the_grant_a_second_run_adds_no_entry(small_server):
    """pgtune's own texts are the same run after run (one prepared-statement name, catalog queries from sql/)."""
    with psycopg.connect(small_server.dsn(), autocommit=True) as admin:
        admin.execute("SET pg_stat_statements.track = 'none'")
        replay_application(admin, small_server)
        workload = entries(admin)
        analyze(small_server, "pgtune_plain", "plain-secret")
        first = entries(admin)
        analyze(small_server, "pgtune_plain", "plain-secret")
        assert entries(admin) == first
        assert workload <= first


def test_doctor_names_the_grant_when_the_role_may_not_turn_tracking_off(small_server):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pgtune",
            "doctor",
            "--format",
            "json",
            "--dsn",
            small_server.dsn(user="pgtune_plain", password="plain-secret"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    check = {c["name"]: c for c in json.loads(result.stdout)["checks"]}["pgtune's own statements untracked"]
    assert check["status"] == "warn"
    assert check["fix"].startswith("GRANT SET ON PARAMETER pg_stat_statements.track TO")
    granted = subprocess.run(
        [
            sys.executable,
            "-m",
            "pgtune",
            "doctor",
            "--format",
            "json",
            "--dsn",
            small_server.dsn(user=ROLE, password=PASSWORD),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    check = {c["name"]: c for c in json.loads(granted.stdout)["checks"]}["pgtune's own statements untracked"]
    assert check["status"] == "ok"


@pytest.mark.parametrize("explain_analyze", [False, True])
def test_without_the_grant_literal_statements_add_no_entry_each(small_server, tmp_path, explain_analyze):
    """Literal statements (a workload file) are planned through the one prepared statement, so the entries
    pgtune adds do not grow with how many statements it plans."""
    added = []
    for count in (5, 40):
        workload = tmp_path / f"literal_{count}.sql"
        workload.write_text(
            "".join(
                f"SELECT id FROM book WHERE market = {n % 30} AND price > {n} LIMIT {n + 1};\n" for n in range(count)
            )
        )
        with psycopg.connect(small_server.dsn(), autocommit=True) as admin:
            admin.execute("SET pg_stat_statements.track = 'none'")
            admin.execute("SELECT pg_stat_statements_reset()")
            flags = ["--workload", str(workload)] + (["--explain-analyze"] if explain_analyze else [])
            analyze(small_server, "pgtune_plain", "plain-secret", *flags)
            added.append(len(entries(admin)))
    assert added[1] == added[0], added
