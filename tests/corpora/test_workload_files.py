"""``--workload FILE`` is a workload of its own (as ``dexter queries.sql``): statements pg_stat_statements
does not hold are planned, weighted by how often the file has them and by their logged durations (else by
their plans' costs), and the report says where each statement and its weight came from."""

from __future__ import annotations

import pytest

from pgtune.errors import ExitCode

from .conftest import account, analyze_json

SCHEMA = """
CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL, region text NOT NULL, balance numeric);
INSERT INTO accounts SELECT g, 'owner' || g, 'r' || (g % 40), g FROM generate_series(1, 20000) g;
ANALYZE accounts;
"""
FILE = """
SELECT id FROM accounts WHERE owner = 'owner7';
-- the same shape again, other literal
SELECT id FROM accounts WHERE owner = 'owner9';
SELECT count(*) FROM accounts WHERE region = 'r3' AND balance > 100;
BEGIN;
SELEC broken;
"""
LOG = """\
2026-12-01 10:00:00.000 UTC [42] LOG:  duration: 40.000 ms  statement: SELECT * FROM accounts WHERE region = 'r1'
2026-12-01 10:00:01.000 UTC [42] LOG:  duration: 20.000 ms  statement: SELECT * FROM accounts WHERE region = 'r2'
"""


@pytest.fixture(scope="module")
def without_pgss(database):
    database.execute(SCHEMA + "DROP EXTENSION pg_stat_statements;")
    # Once the loading session has closed: its bulk load is no write rate.
    database.execute("SELECT pg_stat_reset()")
    return database


def test_a_workload_file_is_analyzed_where_pg_stat_statements_is_not_installed(without_pgss, tmp_path):
    queries = tmp_path / "queries.sql"
    queries.write_text(FILE)
    log = tmp_path / "postgresql.log"
    log.write_text(LOG)
    code, report = analyze_json(without_pgss.dsn, tmp_path, "--workload", str(queries), "--workload", str(log))
    assert code == ExitCode.OK
    by_text = {s["text"]: s for s in report["statements"]}
    owner = next(s for s in report["statements"] if "owner =" in s["text"])
    assert owner["status"] == "planned" and owner["source"] == f"{queries}:2"
    # Its time is the log's: the logged statement's milliseconds per cost unit times its own plan's cost.
    assert owner["weight"].startswith("2 occurrence(s)") and "estimated from its plan's cost" in owner["weight"]
    assert "median of 1 statement(s) with a measured time" in owner["weight"]
    region = next(s for s in report["statements"] if "SELECT *" in s["text"])
    assert region["source"] == f"{log}:1" and "30 ms mean of 2 logged duration(s)" in region["weight"]
    assert account(report) == {"planned": 3, "skipped": 2}
    assert any("TransactionStmt" in s["reason"] for s in by_text.values() if s["status"] == "skipped")
    assert any("SELEC" in s["reason"] for s in by_text.values() if s["status"] == "skipped")
    # The owner lookup is worth an index, and IX001 ran although pg_stat_statements is missing.
    assert any("owner" in r["ddl"] for r in report["recommendations"])
    assert "rule IX001" not in str(report["skipped"])


def test_a_statement_pg_stat_statements_holds_keeps_its_measured_weight(database, tmp_path):
    database.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    database.reset_statements()
    database.run_workload([("SELECT id FROM accounts WHERE owner = %s", ("owner5",))], repeat=3)
    queries = tmp_path / "queries.sql"
    queries.write_text("SELECT id FROM accounts WHERE owner = 'owner8';\n")
    code, report = analyze_json(database.dsn, tmp_path, "--workload", str(queries))
    assert code == ExitCode.OK
    owner = [s for s in report["statements"] if "owner =" in s["text"]]
    assert len(owner) == 1 and owner[0]["source"] == "pg_stat_statements"
    assert owner[0]["weight"].startswith("3 call(s)")


@pytest.mark.parametrize("content", [None, "", b"\x00\x01binary"], ids=["missing", "empty", "binary"])
def test_an_unusable_workload_file_exits_2_before_connecting(tmp_path, capsys, content):
    path = tmp_path / "q.sql"
    if content is not None:
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    # Nothing listens on port 1: the file is refused first.
    code, _ = analyze_json("host=127.0.0.1 port=1 dbname=x", tmp_path, "--workload", str(path))
    assert code == ExitCode.BAD_INPUT
    assert str(path) in capsys.readouterr().err


PGBENCH_SCRIPT = r"""\set aid random(1, 100000 * :scale)
\set delta random(-5000, 5000)
BEGIN;
UPDATE accounts SET balance = balance + :delta WHERE id = :aid;
SELECT balance FROM accounts WHERE id = :aid \gset
\sleep 1 ms
SELECT owner FROM accounts WHERE owner = :'name';
END;
"""


def test_psql_meta_commands_are_skipped_with_a_gap_and_variables_planned_as_parameters(without_pgss, tmp_path):
    script = tmp_path / "tpcb.sql"
    script.write_text(PGBENCH_SCRIPT)
    code, report = analyze_json(without_pgss.dsn, tmp_path, "--workload", str(script))
    assert code == ExitCode.OK
    gap = next(g for g in report["not_seen"] if g["source"] == f"workload {script}")
    assert gap["reason"].startswith("4 psql meta-command(s)")
    texts = {s["text"]: s for s in report["statements"]}
    assert {s["source"] for s in texts.values()} >= {f"{script}:4", f"{script}:5", f"{script}:7"}
    update = next(s for s in report["statements"] if s["text"].startswith("UPDATE"))
    assert "$1" in update["text"] and "$2" in update["text"] and update["status"] == "planned"
    from_script = {**report, "statements": [s for s in report["statements"] if s["source"].startswith(str(script))]}
    assert account(from_script) == {"planned": 3, "skipped": 2}
