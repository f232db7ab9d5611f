"""``pgtune doctor`` against the suite's server and against one started without the preload."""

from __future__ import annotations

import json
import subprocess
import sys

import psycopg
import pytest

from pgtune.cli import main
from pgtune.demo.cluster import TemporaryCluster


def run_doctor(capsys, *args: str) -> tuple[int, dict]:
    code = main(["doctor", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def by_name(report: dict) -> dict[str, dict]:
    return {check["name"]: check for check in report["checks"]}


def test_doctor_ok_on_the_test_server(capsys, database):
    code, report = run_doctor(capsys, "--dsn", database.dsn)
    checks = by_name(report)
    assert code == 0 and report["can_analyze"]
    assert checks["pg_stat_statements preloaded"]["status"] == "ok"
    assert checks["pg_stat_statements extension"]["status"] == "ok"
    assert checks["hypopg"]["status"] == "ok"
    assert checks["pg_qualstats"]["status"] == "warn"
    assert checks["privileges"]["detail"].endswith("is a superuser")
    assert checks["server"]["detail"].startswith("PostgreSQL 15")


def test_doctor_text_output(capsys, database):
    assert main(["doctor", "--dsn", database.dsn]) == 0
    out = capsys.readouterr().out
    assert "hypopg" in out and "analysis can run" in out


def test_doctor_without_pg_monitor_names_the_grant(capsys, database):
    database.execute(
        "DROP ROLE IF EXISTS plain_user; CREATE ROLE plain_user LOGIN PASSWORD 'pw';"
        f"GRANT CONNECT ON DATABASE {database.dbname} TO plain_user"
    )
    dsn = f"host={database.host} port={database.port} dbname={database.dbname} user=plain_user password=pw"
    code, report = run_doctor(capsys, "--dsn", dsn)
    privileges = by_name(report)["privileges"]
    assert code == 0
    assert privileges["status"] == "warn"
    assert privileges["fix"] == 'GRANT pg_monitor TO "plain_user";'
    assert "pw" not in report["server"].split()


def test_doctor_with_hypopg_not_created(capsys, database):
    database.execute("CREATE DATABASE doctor_bare TEMPLATE template0")
    dsn = f"host={database.host} port={database.port} dbname=doctor_bare user={database.user}"
    code, report = run_doctor(capsys, "--dsn", dsn)
    checks = by_name(report)
    assert code == 1
    assert checks["hypopg"]["fix"] == "CREATE EXTENSION hypopg;"
    assert checks["pg_stat_statements extension"] == {
        "name": "pg_stat_statements extension",
        "status": "missing",
        "detail": "not created in this database",
        "fix": "CREATE EXTENSION pg_stat_statements;",
    }


@pytest.fixture(scope="module")
def server_without_preload():
    with TemporaryCluster(preload=(), settings={"track_io_timing": "off", "track_activity_query_size": "1024"}) as c:
        yield c


def test_doctor_reports_the_exact_fix_without_preload(capsys, server_without_preload):
    code, report = run_doctor(capsys, "--dsn", server_without_preload.dsn())
    checks = by_name(report)
    assert code == 1 and not report["can_analyze"]
    assert checks["pg_stat_statements preloaded"]["status"] == "missing"
    assert checks["pg_stat_statements preloaded"]["fix"] == (
        "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'; restart PostgreSQL; "
        "then CREATE EXTENSION pg_stat_statements; in this database"
    )
    assert checks["track_io_timing"]["status"] == "warn"
    assert checks["track_activity_query_size"]["status"] == "warn"
    assert checks["hypopg"]["status"] == "warn"


def test_doctor_is_one_line_and_exit_3_when_unreachable():
    result = subprocess.run(
        [sys.executable, "-m", "pgtune", "doctor", "--dsn", "host=127.0.0.1 port=1 password=TopSecret"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 3
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "TopSecret" not in result.stderr and "Traceback" not in result.stderr


def test_doctor_warns_on_small_pgss_and_fresh_statistics(capsys):
    settings = {"pg_stat_statements.max": "1000", "pg_stat_statements.track": "none"}
    with TemporaryCluster(settings=settings) as cluster:
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION pg_stat_statements")
        code, report = run_doctor(capsys, "--dsn", cluster.dsn())
    checks = by_name(report)
    assert code == 1
    assert checks["pg_stat_statements.track"]["status"] == "missing"
    assert checks["pg_stat_statements.max"]["status"] == "warn"
    assert checks["pg_stat_statements.max"]["detail"].startswith("1000 entries")
    assert checks["statistics age"]["status"] == "warn"
    assert "ago" in checks["statistics age"]["detail"]


def test_doctor_sees_the_preload_without_reading_settings(capsys, database):
    database.execute("DROP ROLE IF EXISTS blind_user; CREATE ROLE blind_user LOGIN PASSWORD 'pw'")
    dsn = f"host={database.host} port={database.port} dbname={database.dbname} user=blind_user password=pw"
    _, report = run_doctor(capsys, "--dsn", dsn)
    assert by_name(report)["pg_stat_statements preloaded"]["status"] == "ok"
    assert "hidden from this role" in by_name(report)["pg_stat_statements preloaded"]["detail"]
