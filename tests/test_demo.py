"""``pgtune demo`` end to end at a tiny scale, its progress display and its errors."""

from __future__ import annotations

import os
import subprocess

import psycopg
import pytest

from pgtune.cli import main
from pgtune.demo.cluster import find_pg_bin
from pgtune.demo.run import DemoOptions, run_demo
from pgtune.errors import BadInput, ExitCode

pytestmark = pytest.mark.slow


def test_demo_prints_the_doctor_and_the_analysis(capsys):
    assert main(["demo", "--scale", "0.01", "--statements", "300"]) == ExitCode.OK
    captured = capsys.readouterr()
    out = " ".join(captured.out.split())
    assert "exchange workload: 1,000 users, 20,000 orders, 30,000 trades; 300 statements replayed" in out
    assert "pgtune doctor — dbname=exchange" in out and "analysis can run" in out
    assert "hypopg" in out and "pg_qualstats" in out
    assert "Recommendations" in out and "CREATE INDEX CONCURRENTLY" in out and "-- rollback: DROP INDEX" in out
    assert "Service targets" in out and "Top statements by total time" in out
    assert "FROM trades" in out and "$1" in out
    assert "server kept" not in out
    assert captured.err == ""


def test_demo_keep_leaves_a_server_to_connect_to(capsys):
    assert main(["demo", "--scale", "0.001", "--statements", "50", "--keep"]) == ExitCode.OK
    lines = capsys.readouterr().out.splitlines()
    dsn = next(line for line in lines if line.startswith("server kept: ")).removeprefix("server kept: ")
    stop = next(line for line in lines if line.startswith("stop and remove it with: ")).split(": ", 1)[1]
    try:
        with psycopg.connect(dsn) as connection:
            assert connection.execute("SELECT count(*) FROM trades").fetchone()[0] >= 30
    finally:
        subprocess.run(stop, shell=True, check=True, capture_output=True)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(dsn, connect_timeout=2)


def test_demo_without_hypopg_names_what_to_install(capsys, tmp_path, monkeypatch):
    # A PostgreSQL installed without extensions: its programs, but no pg_config to list any.
    real = find_pg_bin()
    for program in ("initdb", "pg_ctl", "postgres"):
        os.symlink(real / program, tmp_path / program)
    monkeypatch.setenv("PGTUNE_PG_BIN", str(tmp_path))
    assert main(["demo", "--scale", "0.001"]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("pgtune: error: the demo needs the PostgreSQL extensions pg_stat_statements, hypopg")
    assert "postgresql-NN-hypopg" in err and err.count("\n") == 1


def test_demo_rejects_a_bad_scale(capsys):
    assert main(["demo", "--scale", "0"]) == ExitCode.BAD_INPUT


def test_a_failing_demo_removes_its_server():
    seen = []

    def failing_report(dsn):
        seen.append(dsn)
        raise BadInput("the report failed")

    with pytest.raises(BadInput):
        run_demo(DemoOptions(scale=0.001, statements=10, keep=True), failing_report)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(seen[0], connect_timeout=2)
