"""``pgtune check --dsn`` against the suite's server: live context, the HypoPG re-plan, cleanup, errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pgtune.advisors.migrations.context import MigrationContext
from pgtune.cli import main
from pgtune.collectors import CollectOptions, collect
from pgtune.db import SessionGuards, connect, redact_dsn
from pgtune.errors import ExtensionMissing
from pgtune.findings import Severity
from pgtune.gate.config import CheckConfig
from pgtune.gate.live import check_live
from pgtune.gate.plancheck import RegressionSettings
from pgtune.gate.replan import replan, top_statements
from pgtune.query.ddl import DdlReader
from pgtune.report.units import evidence_text

SCHEMA = """
CREATE TABLE orders (id bigint PRIMARY KEY, account_id int NOT NULL, status text NOT NULL,
    created_at timestamptz NOT NULL, note text NOT NULL);
INSERT INTO orders SELECT g, g % 500, CASE WHEN g % 10 = 0 THEN 'open' ELSE 'filled' END,
    timestamp '2026-01-01' + g * interval '1 minute', md5(g::text) FROM generate_series(1, 20000) g;
CREATE INDEX orders_account_idx ON orders (account_id);
ANALYZE orders;
"""
HOT = "SELECT id, status FROM orders WHERE account_id = %s"
RECENT = "SELECT id FROM orders WHERE created_at > %s ORDER BY created_at LIMIT 5"
WORKLOAD = [(HOT, (7,))] * 40 + [(RECENT, ("2026-01-10",))] * 5 + ["SELECT count(*) FROM pg_class"]


@pytest.fixture(scope="module")
def live(database):
    database.execute(SCHEMA)
    database.reset_statements()
    database.run_workload(WORKLOAD, repeat=3)
    return database


@pytest.fixture(scope="module")
def snapshot(live):
    with connect(live.dsn) as session:
        return collect(session, CollectOptions(max_plans=10))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "0002_change.sql"
    path.write_text("SET lock_timeout = '1s';\n" + text)
    return path


def _check(live, path: Path, limit: float | None = 10.0):
    regression = RegressionSettings(limit, 10) if limit is not None else None
    return check_live([path], live.dsn, SessionGuards(), CheckConfig(), (), None, regression)


def _mg020(result) -> list:
    return [f for f in result.findings if f.rule == "MG020"]


def test_top_statements_are_the_workload_on_user_tables(snapshot):
    top = top_statements(snapshot, 10)
    texts = [s.query for s in top]
    assert "SELECT id, status FROM orders WHERE account_id = $1" in texts
    assert "SELECT id FROM orders WHERE created_at > $1 ORDER BY created_at LIMIT $2" in texts
    weights = [s.calls * s.mean_exec_ms for s in top]
    assert weights == sorted(weights, reverse=True)
    assert not any("pg_class" in t or "hypopg" in t for t in texts)
    assert len(top_statements(snapshot, 1)) == 1


def test_dropping_the_hot_index_lists_its_users_for_review(live, tmp_path):
    result = _check(live, _write(tmp_path, "DROP INDEX CONCURRENTLY orders_account_idx;\n"))
    (review,) = _mg020(result)
    assert review.severity is Severity.WARNING and review.location.line == 2
    assert review.message.startswith("HypoPG 1.3.1 cannot hide indexes: 1 statement(s) use public.orders_account_idx")
    (statement,) = review.statements
    assert "account_id = $1" in statement.text and statement.calls == 120 and statement.mean_exec_ms > 0
    assert statement.cost_after is None
    assert dict((e.label, evidence_text(e)) for e in review.evidence)["used by"].startswith(
        "1 statement(s), 120 calls, "
    )
    mg002 = next(f for f in result.findings if f.rule == "MG002")
    assert mg002.severity is Severity.CRITICAL and "live database" in result.context_source
    assert any(n.startswith("plan check: ") and "+0.0%" in n for n in result.notes)


def test_a_new_index_shows_the_statements_it_helps_and_its_write_cost(live, tmp_path):
    path = _write(tmp_path, "CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);\n")
    result = _check(live, path)
    (helped,) = _mg020(result)
    assert helped.severity is Severity.INFO
    assert "orders_created_idx makes 1 workload statement(s) cheaper" in helped.message
    (statement,) = helped.statements
    assert "created_at > $1" in statement.text and statement.cost_after < statement.cost_before
    assert "ms/day of index maintenance on public.orders" in helped.message
    assert result.exit_code(Severity.WARNING) == 0


def test_an_index_no_statement_uses_is_write_cost_only(live, tmp_path):
    path = _write(tmp_path, "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n")
    (finding,) = _mg020(_check(live, path))
    assert "helps none of the workload's top statements" in finding.message and finding.statements == ()


def test_hypothetical_indexes_are_removed_also_when_creation_fails(live, snapshot, tmp_path):
    sql = "CREATE INDEX a ON orders (created_at);\nCREATE INDEX b ON missing_table (x);\nDROP INDEX CONCURRENTLY c;\n"
    actions = DdlReader().read("m.sql", sql).actions
    with connect(live.dsn) as session:
        check = replan(session, snapshot, actions, RegressionSettings(10.0, 5))
        assert session.scalar("SELECT count(*) FROM hypopg_list_indexes") == 0
    assert [n.action.name for n in check.new_indexes] == ["a"]
    assert any("m.sql:2: HypoPG could not create b:" in n for n in check.notes)
    assert [(d.action.name, d.users, d.hidden) for d in check.dropped_indexes] == [("public.c", (), False)]
    unchanged = replan(
        None,
        snapshot,
        DdlReader().read("m.sql", "ALTER TABLE orders ADD COLUMN x int;").actions,
        RegressionSettings(1.0),
    )
    assert unchanged.notes == ("plan check: the migration changes no index",) and not unchanged.regressed


def test_an_unplannable_statement_is_noted_not_fatal(live, snapshot, tmp_path):
    live.execute("CREATE TABLE gone (id int)")
    live.run_workload(["SELECT * FROM gone WHERE id = 1"])
    with connect(live.dsn) as session:
        fresh = collect(session, CollectOptions(plans=False))
    live.execute("DROP TABLE gone")
    actions = DdlReader().read("m.sql", "CREATE INDEX a ON orders (created_at);").actions
    with connect(live.dsn) as session:
        check = replan(session, fresh, actions, RegressionSettings(10.0, 50))
        assert session.scalar("SELECT count(*) FROM hypopg_list_indexes") == 0
    assert any("could not plan queryid" in n and "gone" in n for n in check.notes)


def test_without_hypopg_the_gate_is_a_typed_error(live, snapshot):
    live.execute("CREATE DATABASE gate_bare TEMPLATE template0")
    dsn = live.dsn.replace(f"dbname={live.dbname}", "dbname=gate_bare")
    actions = DdlReader().read("m.sql", "CREATE INDEX a ON orders (created_at);").actions
    with connect(dsn) as bare, pytest.raises(ExtensionMissing, match="--max-regression cannot re-plan"):
        replan(bare, snapshot, actions, RegressionSettings(10.0))


def test_cli_check_with_a_database(live, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, "DROP INDEX CONCURRENTLY orders_account_idx;\n")
    assert main(["check", str(path), "--dsn", live.dsn, "--max-regression", "10%", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in document["findings"]} == {"MG002", "MG020"}
    assert document["summary"]["context"] == f"live database {redact_dsn(live.dsn)}"
    assert main(["check", str(path), "--dsn", live.dsn]) == 1
    out = capsys.readouterr().out
    assert "MG020" not in out and "database facts from live database" in out
    (tmp_path / "pgtune.toml").write_text('[check]\nmax-regression = "5%"\n')
    both = _write(
        tmp_path, "DROP INDEX CONCURRENTLY orders_account_idx;\nCREATE INDEX CONCURRENTLY c ON orders (created_at);\n"
    )
    assert main(["check", str(both), "--dsn", live.dsn, "--regression-statements", "3"]) == 1
    out = capsys.readouterr().out
    assert "c makes 1 workload statement(s) cheaper" in out and "(limit +5%)" in out
    assert re.search(r"cost [\d,.]+ → [\d,.]+: 15 calls, [\d.]+ ms mean: SELECT id FROM orders WHERE created_at", out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-regression", "10%"], "--max-regression re-plans the workload on a live database"),
        (["--dsn", "host=x", "--snapshot", "s.json"], "both --dsn and --snapshot were given"),
        (["--dsn", "dbname=x", "--max-regression", "ten"], "is not a percentage"),
    ],
)
def test_cli_bad_combinations(tmp_path, capsys, args, message):
    path = _write(tmp_path, "DROP INDEX CONCURRENTLY i;\n")
    assert main(["check", str(path), *args]) == 2
    assert message in capsys.readouterr().err


def test_unreachable_server_is_one_line_and_exit_3(tmp_path, capsys):
    path = _write(tmp_path, "DROP INDEX CONCURRENTLY i;\n")
    assert main(["check", str(path), "--dsn", "host=127.0.0.1 port=1 dbname=x user=x connect_timeout=2"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("pgtune: error: nothing is listening at") and err.count("\n") == 1


def test_the_context_is_the_snapshots(snapshot):
    context = MigrationContext.from_snapshot(snapshot, "s")
    assert context.index_users["public.orders_account_idx"][0].calls == 120
