"""pgbench's built-in scripts (tpcb-like, simple-update, select-only), run by real ``pgbench`` so that
pg_stat_statements holds them, and given as workload files with their meta-commands: ``pgtune analyze``
plans every statement or says why not."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from pgtune.errors import ExitCode

from .conftest import account, analyze_json

SCRIPTS = ("tpcb-like", "simple-update", "select-only")
# The statements the three scripts send, as pg_stat_statements normalizes them.
SCRIPT_STATEMENTS = (
    "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2",
    "SELECT abalance FROM pgbench_accounts WHERE aid = $1",
    "UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2",
    "UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2",
    "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)",
)

pytestmark = pytest.mark.skipif(shutil.which("pgbench") is None, reason="pgbench is not installed")


def _pgbench(database, *arguments: str) -> None:
    command = ["pgbench", "-h", database.host, "-p", str(database.port), "-U", database.user, *arguments]
    subprocess.run([*command, database.dbname], check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def pgbench(database):
    _pgbench(database, "-i", "-s", "1", "-q")
    database.execute("SELECT pg_stat_reset()")
    _pgbench(database, "-t", "30", "-c", "2", *(f"-b{script}" for script in SCRIPTS))
    return database


def test_pgbench_from_pg_stat_statements_is_planned(pgbench, tmp_path):
    code, report = analyze_json(pgbench.dsn, tmp_path)
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    counts = account(report)
    by_text = {s["text"]: s for s in report["statements"]}
    for text in SCRIPT_STATEMENTS:
        assert by_text[text]["status"] == "planned", by_text[text]
        assert by_text[text]["source"] == "pg_stat_statements" and "call(s)" in by_text[text]["weight"]
    skipped = [s for s in report["statements"] if s["status"] == "skipped"]
    # pgbench -i's DDL, COPY and VACUUM, and the transaction statements: utility, named as such.
    assert all("utility statement" in s["reason"] or "system catalogs" in s["reason"] for s in skipped), skipped
    assert counts["planned"] >= len(SCRIPT_STATEMENTS)


@pytest.mark.parametrize(("script", "statements"), [("tpcb-like", 7), ("simple-update", 5), ("select-only", 1)])
def test_pgbench_scripts_as_workload_files(pgbench, tmp_path, script, statements):
    shown = subprocess.run(["pgbench", f"--show-script={script}"], check=True, capture_output=True, text=True)
    workload = tmp_path / f"{script}.sql"
    workload.write_text(shown.stderr)  # a "-- name" line, then the script with its \set lines
    pgbench.reset_statements()  # the file is the workload: pg_stat_statements holds none of it
    code, report = analyze_json(pgbench.dsn, tmp_path, "--workload", str(workload))
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    gap = next(g for g in report["not_seen"] if g["source"] == f"workload {workload}")
    assert "psql meta-command(s)" in gap["reason"]
    from_file = [s for s in report["statements"] if s["source"].startswith(str(workload))]
    assert len(from_file) == statements, from_file
    for statement in from_file:
        if statement["text"] in ("BEGIN", "END"):
            assert statement["status"] == "skipped" and "TransactionStmt" in statement["reason"]
        else:
            assert statement["status"] == "planned" and statement["text"] in SCRIPT_STATEMENTS, statement
