"""Every construct of issue 15 — parameters wherever pg_stat_statements puts them, statement texts as they
arrive — through ``pgtune analyze``, from pg_stat_statements and as a workload file: each statement is
planned or skipped with a reason naming the construct, none with a syntax error of pgtune's making, and
pgtune's session is never left idle in a transaction by a plan."""

from __future__ import annotations

import psycopg
import pytest

from pgtune.db import connect
from pgtune.errors import ExitCode
from pgtune.explain import explain

from .conftest import account, analyze_json
from .constructs import CONSTRUCTS, SCHEMA, literal_texts, run_constructs


@pytest.fixture(scope="module")
def constructs(database):
    database.execute(SCHEMA)
    with database.connect() as connection:
        connection.execute("SELECT pg_stat_reset(), pg_stat_statements_reset()")
    with database.connect() as connection:
        run_constructs(connection)
    # What the application left, before pgtune's own runs add theirs.
    database.held = _pgss_texts(database)
    return database


def _pgss_texts(database) -> list[str]:
    with database.connect() as connection:
        return [
            row[0]
            for row in connection.execute(
                "SELECT query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database "
                "WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%' "
                "AND query NOT IN ('RESET pg_stat_statements.track')"
            )
        ]


def test_every_construct_from_pg_stat_statements_is_planned(constructs, tmp_path):
    held = constructs.held
    code, report = analyze_json(constructs.dsn, tmp_path)
    assert code in (ExitCode.OK, ExitCode.FINDINGS)
    counts = account(report)
    planned = [s["text"] for s in report["statements"] if s["status"] == "planned"]
    # Every construct (and the foreign-key trigger's probe, nested in the INSERT) was planned.
    assert len(planned) >= len(CONSTRUCTS) + 1, [s for s in report["statements"] if s["status"] != "planned"]
    assert any("FOR KEY SHARE" in text for text in planned)
    assert counts["planned"] + counts["skipped"] == len(report["statements"]) >= len(held) - 1
    for statement in report["statements"]:
        assert "syntax error" not in statement["reason"], statement
        assert "could not determine data type" not in statement["reason"], statement
    # An index on an expression holding an unknown parameter or a stable cast is not made, and said so.
    lost = {s["reason"] for s in report["skipped"] if s["item"].startswith("an index for")}
    assert any("meta ->> $1" in r and "constant is unknown" in r for r in lost)
    assert any("timestamptz → date is not immutable" in r for r in lost)
    assert not any("CAST(placed_at AS date)" in (r["ddl"] or "") for r in report["recommendations"])


def test_every_construct_as_a_workload_file_is_planned(constructs, tmp_path):
    with constructs.connect() as connection:
        texts = literal_texts(connection)
    workload = tmp_path / "constructs.sql"
    workload.write_text("".join(f"{text}\n;\n" for text in texts))
    for arguments in (("--workload", str(workload)), ("--workload", str(workload), "--no-whatif")):
        code, report = analyze_json(constructs.dsn, tmp_path, *arguments)
        assert code in (ExitCode.OK, ExitCode.FINDINGS)
        from_file = [s for s in report["statements"] if s["source"].startswith(str(workload))]
        held = [s for s in report["statements"] if s["source"] == "pg_stat_statements" and s["status"] != "skipped"]
        # Each literal statement is planned, or is a shape pg_stat_statements holds (planned from there).
        assert len(from_file) + len(held) >= len(CONSTRUCTS)
        assert {s["status"] for s in from_file} <= {"planned", "modelled"}, from_file
    assert not any("CAST(placed_at AS date)" in (r["ddl"] or "") for r in report["recommendations"])


def _backend_state(database, pid: int) -> str:
    with database.connect() as connection:
        return connection.execute("SELECT state FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone()[0]


@pytest.mark.parametrize("text_kind", ["pg_stat_statements", "literal"])
def test_no_plan_leaves_pgtunes_session_in_a_transaction(constructs, text_kind):
    with constructs.connect() as connection:
        texts = list(constructs.held) if text_kind == "pg_stat_statements" else literal_texts(connection)
    texts += ["SELECT * FROM orders -- list", "/* one */ SELECT 1 /* two", "SELECT 1; ROLLBACK"]
    with connect(constructs.dsn) as session:
        pid = session.scalar("SELECT pg_backend_pid()")
        for text in texts:
            plan = explain(session, text)
            assert 'syntax error at or near "EXPLAIN"' not in (plan.error or ""), text
            assert session.connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE, text
            assert _backend_state(constructs, pid) == "idle", text
