"""``pgtune snapshot`` end to end, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pgtune.cli import main
from pgtune.facts import Snapshot

ROOT = Path(__file__).resolve().parents[1]


def test_snapshot_command_writes_a_loadable_snapshot(database, tmp_path):
    database.execute("CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY, balance numeric)")
    database.run_workload([("SELECT balance FROM accounts WHERE id = %s", (1,))], repeat=2)
    workload = tmp_path / "app.sql"
    workload.write_text("SELECT balance FROM accounts WHERE id = 42;\n")
    empty = tmp_path / "empty.sql"
    empty.write_text("")
    output = tmp_path / "snap.json"
    command = [sys.executable, "-m", "pgtune", "snapshot", "--dsn", database.dsn, "--output", str(output)]
    refused = main(["snapshot", "--dsn", database.dsn, "--output", str(output), "--workload", str(empty)])
    assert refused == 2 and not output.exists()  # an unusable file is bad input, as the README says
    result = subprocess.run(
        [*command, "--workload", str(workload), "--max-plans", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"written to {output}" in result.stdout and "1 workload samples" in result.stdout
    snapshot = Snapshot.load(output)
    assert snapshot.table("public", "accounts") is not None
    assert snapshot.workload[0].text == "SELECT balance FROM accounts WHERE id = 42"
    assert any(p.query == "SELECT balance FROM accounts WHERE id = $1" for p in snapshot.plans)


def test_snapshot_command_errors_are_one_line(database, tmp_path, capsys):
    unwritable = tmp_path / "missing-dir" / "snap.json"
    assert main(["snapshot", "--dsn", database.dsn, "--output", str(unwritable), "--no-plans"]) == 2
    assert "cannot write the snapshot" in capsys.readouterr().err
    assert main(["snapshot", "--dsn", "host=127.0.0.1 port=1 connect_timeout=1", "--output", "x.json"]) == 3


def test_snapshot_command_in_process_refuses_an_unusable_workload_file(database, tmp_path, capsys):
    binary = tmp_path / "dump.bin"
    binary.write_bytes(b"\x00\x01\x02")
    output = tmp_path / "snap.json"
    assert main(["snapshot", "--dsn", database.dsn, "-o", str(output), "--workload", str(binary)]) == 2
    assert f"the workload file {binary} is binary, not text — pass a SQL file" in capsys.readouterr().err
    assert main(["snapshot", "--dsn", database.dsn, "-o", str(output), "--no-plans"]) == 0
    assert Snapshot.load(output).plans == ()
