"""Faults an unlucky operator meets, through the real ``pgtune`` process: a table locked by a migration, SIGTERM
and SIGINT in the middle of a long statement (and during start-up), a frozen backend."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import psycopg
import pytest


def pgtune(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pgtune", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for(predicate, seconds: float = 60.0, step: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(step)
    raise AssertionError("timed out waiting")


@pytest.fixture(scope="module")
def db(database):
    database.execute(
        "CREATE TABLE trades (id bigint PRIMARY KEY, market int NOT NULL, price numeric NOT NULL CHECK (price > 0),"
        " at timestamptz NOT NULL DEFAULT now());"
        "INSERT INTO trades SELECT g, g % 20, g FROM generate_series(1, 5000) g;"
        "CREATE INDEX trades_market ON trades (market);"
        "CREATE TABLE fills (id bigint PRIMARY KEY, trade_id bigint NOT NULL); ANALYZE"
    )
    return database


def pgtune_activity(check: psycopg.Connection, like: str) -> list[tuple]:
    return check.execute(
        "SELECT pid, state FROM pg_stat_activity WHERE application_name = 'pgtune' AND query LIKE %s "
        "AND pid <> pg_backend_pid()",
        (like,),
    ).fetchall()


@pytest.mark.parametrize("command", ["analyze", "snapshot"])
def test_a_table_locked_by_another_session_is_a_gap_and_the_run_goes_on(db, tmp_path, command):
    workload = tmp_path / "w.sql"
    workload.write_text("select price from trades where market = 3;\nselect * from fills where trade_id = 9;\n")
    with psycopg.connect(db.dsn) as migration:
        migration.execute("LOCK TABLE trades IN ACCESS EXCLUSIVE MODE")
        output = tmp_path / "out.json"
        extra = ["--format", "json", "--output", str(output)] if command == "analyze" else ["--output", str(output)]
        run = pgtune(command, "--dsn", db.dsn, "--workload", str(workload), "--lock-timeout-ms", "300", *extra)
        _, stderr = run.communicate(timeout=300)
        migration.rollback()
    assert run.returncode in (0, 1), stderr
    document = json.loads(output.read_text())
    gaps = document["not_seen"] if command == "analyze" else document["gaps"]
    locked = [g for g in gaps if g["source"] == "table public.trades"]
    assert len(locked) == 1 and "ACCESS EXCLUSIVE" in locked[0]["reason"]
    # The other sources (columns with defaults, constraints, statistics) are read all the same; only a plan of
    # a statement on the locked table waits, and is a gap of its own.
    timed_out = [g for g in gaps if "lock timeout" in g["reason"]]
    assert all(g["source"] == "plans" and g["reason"].startswith("could not plan") for g in timed_out), gaps
    if command == "snapshot":
        assert {t["name"] for t in document["tables"]} == {"fills"}
        assert {i["name"] for i in document["indexes"]} == {"fills_pkey"}


@pytest.mark.parametrize(
    ("command", "signum"), [("snapshot", signal.SIGTERM), ("snapshot", signal.SIGINT), ("analyze", signal.SIGTERM)]
)
def test_a_signal_cancels_the_running_statement_on_the_server(db, tmp_path, command, signum):
    workload = tmp_path / "sleep.sql"
    workload.write_text("select pg_sleep(120);\n")
    run = pgtune(
        command,
        "--dsn",
        db.dsn,
        "--workload",
        str(workload),
        "--explain-analyze",
        "--output",
        str(tmp_path / "s.json"),
    )
    with db.connect() as check:
        wait_for(lambda: [r for r in pgtune_activity(check, "%pg_sleep(120)%") if r[1] == "active"])
        run.send_signal(signum)
        _, stderr = run.communicate(timeout=30)
        assert run.returncode == 128 + signum
        assert stderr.strip().splitlines() == [
            f"pgtune: interrupted by {signal.Signals(signum).name}; nothing was left running on the server"
        ]
        # The backend's statement was cancelled (not left to run its 120 s) and pgtune's session is gone.
        wait_for(lambda: not pgtune_activity(check, "%"), seconds=5)
    assert not (tmp_path / "s.json").exists()


def _before_the_first_handler(stderr: str) -> bool:
    """Python's default SIGINT handler raised while the interpreter was still on its way to pgtune's handler:
    in ``site`` or runpy (no pgtune frame), or in the few top-level lines of ``pgtune/__init__.py`` and
    ``pgtune/interrupts.py`` that set it. Nothing a program can do shortens that window to nothing."""
    if not stderr.rstrip().endswith("KeyboardInterrupt"):
        return False
    frames = re.findall(r'File "([^"]+)", line \d+, in (\S+)', stderr)
    ours = [(path, where) for path, where in frames if "/pgtune/" in path]
    return all(
        path.endswith("/pgtune/__init__.py") or (path.endswith("/pgtune/interrupts.py") and where == "<module>")
        for path, where in ours
    )


@pytest.mark.parametrize("delay_s", [0.0, 0.05, 0.15, 0.3, 0.6])
def test_ctrl_c_during_start_up_never_prints_a_traceback(db, delay_s):
    run = pgtune("doctor", "--dsn", db.dsn)
    time.sleep(delay_s)
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=60)
    if run.returncode == -signal.SIGINT:
        return  # killed before the interpreter had set any handler: no output at all (a shell says 130)
    if stderr.startswith("Fatal Python error:"):
        # CPython's own initialisation was interrupted (importing site, encodings or the std streams:
        # init_import_site, init_sys_streams …), before any of pgtune's code ran: no pgtune frame in it.
        assert "pgtune" not in stderr
        return
    if _before_the_first_handler(stderr):
        return
    assert "Traceback" not in stderr
    if run.returncode != 0:  # it may have finished first
        assert run.returncode == 130
        assert stderr.strip().splitlines() == ["pgtune: interrupted by SIGINT; nothing was left running on the server"]


def test_a_frozen_backend_is_given_up_on_by_a_client_deadline(db, tmp_path):
    workload = tmp_path / "sleep.sql"
    workload.write_text("select pg_sleep(1.5);\n")
    run = pgtune(
        "snapshot",
        "--dsn",
        db.dsn,
        "--workload",
        str(workload),
        "--explain-analyze",
        "--statement-timeout-ms",
        "1000",
        "--output",
        str(tmp_path / "s.json"),
    )
    with db.connect() as check:
        pid = wait_for(lambda: pgtune_activity(check, "%pg_sleep(1.5)%"))[0][0]
        os.kill(pid, signal.SIGSTOP)  # a frozen server: its kernel still acknowledges TCP
        try:
            _, stderr = run.communicate(timeout=60)
        finally:
            os.kill(pid, signal.SIGCONT)
    assert run.returncode == 3
    assert "did not answer within 6 s" in stderr and len(stderr.strip().splitlines()) == 1, stderr
