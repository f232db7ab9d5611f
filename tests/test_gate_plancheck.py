"""The plan-regression gate without a server: threshold arithmetic, MG020's findings, config, index text.

HypoPG 1.3.1 (the suite's) cannot hide an index, and a hypothetical index only rarely makes the planner
pick a costlier plan, so a real regression cannot be produced on this server: the arithmetic and the
rule are tested here over given costs; tests/test_gate_live.py tests what the server can show.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from pgtune.advisors.migrations import mg020_plan_regression
from pgtune.advisors.migrations.context import DroppedIndex, MigrationContext, NewIndex, PlanCheck, ReplannedStatement
from pgtune.errors import BadInput
from pgtune.facts import ServerFacts, Snapshot, StatementStats
from pgtune.findings import Severity
from pgtune.gate.config import load_config
from pgtune.gate.plancheck import parse_threshold
from pgtune.gate.replan import _spec, top_statements
from pgtune.query.ddl import DdlReader
from pgtune.report.units import evidence_text

SQL = (
    "DROP INDEX CONCURRENTLY orders_account_idx;\n"
    "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n"
    "CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);\n"
)
ACTIONS = DdlReader().read("m.sql", SQL).actions
DROP, NOTE, CREATED = ACTIONS


def _statement(calls: int, mean_ms: float, before: float, after: float, text: str = "q") -> ReplannedStatement:
    return ReplannedStatement(None, text, calls, mean_ms, before, after)


@pytest.mark.parametrize(
    ("statements", "change_pct"),
    [
        ((), 0.0),
        (((100, 1.0, 10.0, 10.0),), 0.0),
        (((100, 1.0, 10.0, 20.0),), 100.0),
        # half the time doubles, the other half halves: +50% and -25% of the whole
        (((100, 1.0, 10.0, 20.0), (50, 2.0, 4.0, 2.0)), 25.0),
        # a rare statement's big rise weighs little
        (((1000, 1.0, 10.0, 10.0), (1, 10.0, 5.0, 50.0)), 90 / 1010 * 100),
        # a statement without cost or time counts as unchanged
        (((10, 1.0, 0.0, 5.0), (0, 0.0, 1.0, 9.0)), 0.0),
    ],
)
def test_weighted_change(statements, change_pct):
    check = PlanCheck(10.0, tuple(_statement(*s) for s in statements))
    assert check.weighted_change_pct == pytest.approx(change_pct)


@pytest.mark.parametrize(("after", "regressed"), [(10.9, False), (11.0, False), (11.1, True)])
def test_the_limit_is_exclusive(after, regressed):
    assert PlanCheck(10.0, (_statement(1, 1.0, 10.0, after),)).regressed is regressed


def test_worse_statements_are_ordered_by_their_share_of_the_rise():
    small, big, better = _statement(1, 1.0, 10, 30, "small"), _statement(10, 1.0, 10, 20, "big"), _statement(5, 1, 9, 3)
    assert [s.text for s in PlanCheck(0.0, (small, big, better)).worse()] == ["big", "small"]


@pytest.mark.parametrize(("text", "pct"), [("10%", 10.0), ("2.5 %", 2.5), ("0", 0.0), (15, 15.0)])
def test_parse_threshold(text, pct):
    assert parse_threshold(text) == pct


@pytest.mark.parametrize("text", ["ten", "-5%", "5%%", ""])
def test_bad_threshold(text):
    with pytest.raises(BadInput, match="is not a percentage"):
        parse_threshold(text)


def test_config_max_regression(tmp_path):
    def read(text: str):
        (tmp_path / "pgtune.toml").write_text(text)
        return load_config(None, tmp_path)

    assert read('[check]\nmax-regression = "7%"\n').max_regression_pct == 7.0
    assert read('[check]\ndisable = ["MG019"]\n').max_regression_pct is None
    with pytest.raises(BadInput, match=r"max-regression in .*pgtune\.toml 'a lot' is not a percentage"):
        read('[check]\nmax-regression = "a lot"\n')


def _findings(check: PlanCheck):
    return list(mg020_plan_regression.check(ACTIONS, MigrationContext(plan_check=check)))


def test_regression_is_critical_at_the_first_index_change():
    hot = _statement(1000, 2.0, 8.0, 800.0, "SELECT * FROM orders WHERE account_id = $1")
    check = PlanCheck(
        10.0,
        (hot, _statement(10, 1.0, 5.0, 5.0)),
        new_indexes=(NewIndex(NOTE, (), 12.0),),
        dropped_indexes=(DroppedIndex(DROP, (hot,), hidden=True),),
        hypopg_version="1.4.1",
    )
    regression, new = _findings(check)
    assert regression.severity is Severity.CRITICAL and regression.location.line == 1
    assert "raise the workload's weighted planner cost by +9850.7% (limit +10%): 1 statement(s) get worse" in (
        regression.message
    )
    (impact,) = regression.statements
    assert (impact.calls, impact.cost_before, impact.cost_after) == (1000, 8.0, 800.0)
    assert new.severity is Severity.INFO and "helps none" in new.message and "~12 ms/day" in new.message


def test_review_on_hypopg_without_hide_and_nothing_without_a_plan_check():
    hot = _statement(120, 0.5, 8.0, 8.0, "SELECT ... account_id = $1")
    check = PlanCheck(10.0, (hot,), dropped_indexes=(DroppedIndex(DROP, (hot,), hidden=False),), hypopg_version="1.3.1")
    (review,) = _findings(check)
    assert review.message == (
        "HypoPG 1.3.1 cannot hide indexes: 1 statement(s) use public.orders_account_idx today; review them"
    )
    assert evidence_text(review.evidence[0]) == "1 statement(s), 120 calls, 60 ms in total"
    unused = PlanCheck(10.0, (hot,), dropped_indexes=(DroppedIndex(DROP, (), hidden=False),))
    assert _findings(unused) == []
    assert list(mg020_plan_regression.check(ACTIONS, MigrationContext())) == []


def test_a_helped_statement_is_listed_with_its_costs():
    faster = _statement(50, 3.0, 900.0, 12.0, "SELECT id FROM orders WHERE created_at > $1")
    (finding,) = _findings(PlanCheck(10.0, (faster,), new_indexes=(NewIndex(CREATED, (faster,), 0.4),)))
    assert finding.message == (
        "CREATE INDEX orders_created_idx makes 1 workload statement(s) cheaper; it costs ~0 ms/day of index "
        "maintenance on public.orders"
    )
    assert finding.statements[0].cost_after == 12.0


def test_the_reader_exposes_the_index_definition():
    sql = (
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS o ON app.orders USING brin (lower(a), b DESC) "
        "INCLUDE (c) WHERE d > 1;\nCREATE INDEX ON t (a);\nDROP INDEX x;"
    )
    first, second, drop = DdlReader().read("m.sql", sql).actions
    index = first.index
    assert (index.statement, index.method, index.key_texts, index.predicate) == (
        "CREATE UNIQUE INDEX ON app.orders USING brin ((lower(a)), b DESC) INCLUDE (c) WHERE d > 1",
        "brin",
        ("lower(a)", "b"),
        "d > 1",
    )
    assert [i.column for i in index.include] == ["c"] and index.unique and index.concurrently
    assert second.index.statement == "CREATE INDEX ON public.t (a)" and drop.index is None
    spec = _spec(first)
    assert (spec.schema, spec.table, spec.method, spec.predicate) == ("app", "orders", "brin", "d > 1")
    assert [(k.column, k.expression) for k in spec.keys] == [(None, "lower(a)"), ("b", None)]


def test_top_statements_merge_roles_and_rank_by_time():
    lookup = "SELECT * FROM orders WHERE id = $1"
    statements = (
        StatementStats(1, lookup, 100, 50.0, 0.5, role="app"),
        StatementStats(1, lookup, 300, 150.0, 0.5, role="admin"),
        StatementStats(2, "SELECT * FROM trades WHERE id = $1", 10, 180.0, 18.0),
        StatementStats(3, "SELECT * FROM pg_class", 5000, 5000.0, 1.0),
        StatementStats(4, "BEGIN", 5000, 5000.0, 1.0),
        StatementStats(5, "SELECT * FROM idle WHERE id = $1", 0, 0.0, 0.0),
    )
    snapshot = Snapshot(
        ServerFacts(150000, "15", "d", "r"), datetime(2026, 11, 26, tzinfo=timezone.utc), statements=statements
    )
    top = top_statements(snapshot, 5)
    assert [(s.queryid, s.calls, s.total_exec_ms, s.mean_exec_ms) for s in top] == [
        (1, 400, 200.0, 0.5),
        (2, 10, 180.0, 18.0),
    ]
