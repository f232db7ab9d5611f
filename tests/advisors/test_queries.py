"""QR rules: each proven on a statement that must be flagged and on its near miss that must not."""

from __future__ import annotations

import dataclasses

import pytest

from pgtune.advisors.queries import (
    qr001_offset_pagination,
    qr002_not_in_subquery,
    qr003_non_sargable,
    qr004_leading_wildcard,
    qr005_or_across_columns,
    qr006_count_whole_table,
    qr007_planning_time,
    qr008_in_list_variants,
)
from pgtune.advisors.queries.observed import observed_statements
from pgtune.facts import PlanNode, StatementPlan
from pgtune.findings import FixSafety, Severity
from pgtune.query.model import StatementKind, StatementShape
from pgtune.report.units import evidence_text
from pgtune.whatif.workload import WorkloadStatement

from .builders import INDEXES, facts, index, run, snapshot, stats

TRIGRAM = index(
    "markets",
    "markets_symbol_trgm",
    "symbol",
    method="gin",
    definition="CREATE INDEX markets_symbol_trgm ON public.markets USING gin (symbol gin_trgm_ops)",
)
LOWER_EMAIL = index("users", "users_lower_email", None, expressions=("lower((email)::text)",))
PHONE = index("users", "users_phone_idx", "phone")

CASES = [
    # (rule module, statement, extra indexes, flagged?)
    (qr001_offset_pagination, "SELECT id FROM orders ORDER BY id LIMIT 50 OFFSET 10000", (), True),
    (qr001_offset_pagination, "SELECT id FROM orders ORDER BY id LIMIT 50 OFFSET 20", (), False),
    (qr002_not_in_subquery, "SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM orders)", (), True),
    (qr002_not_in_subquery, "SELECT id FROM orders WHERE status NOT IN (1, 2, 3)", (), False),
    (qr003_non_sargable, "SELECT id FROM orders WHERE date(created_at) = $1", (), True),
    (qr003_non_sargable, "SELECT id FROM orders WHERE id::text = $1", (), True),
    (qr003_non_sargable, "SELECT id FROM users WHERE lower(email) = $1", (), True),
    (qr003_non_sargable, "SELECT id FROM users WHERE lower(email) = $1", (LOWER_EMAIL,), False),
    (qr003_non_sargable, "SELECT id FROM orders WHERE created_at >= $1 AND created_at < $2", (), False),
    (qr003_non_sargable, "SELECT id FROM orders WHERE upper(note) = $1", (), False),
    (qr003_non_sargable, "SELECT id FROM ghosts WHERE date(created_at) = $1", (), False),
    (qr004_leading_wildcard, "SELECT id FROM markets WHERE symbol ILIKE '%usdt%'", (), True),
    (qr004_leading_wildcard, "SELECT id FROM markets WHERE symbol ILIKE '%usdt%'", (TRIGRAM,), False),
    (qr004_leading_wildcard, "SELECT id FROM markets WHERE symbol LIKE 'BTC%'", (), False),
    (qr005_or_across_columns, "SELECT id FROM users WHERE email = $1 OR phone = $2", (), True),
    (qr005_or_across_columns, "SELECT id FROM users WHERE email = $1 OR phone = $2", (PHONE,), False),
    (qr005_or_across_columns, "SELECT id FROM orders WHERE status = $1 OR status = $2", (), False),
    (qr005_or_across_columns, "SELECT 1 FROM orders o, users u WHERE o.note = $1 OR u.phone = $2", (), False),
    (qr006_count_whole_table, "SELECT count(*) FROM orders", (), True),
    (qr006_count_whole_table, "SELECT count(*) FROM markets", (), False),
    (qr006_count_whole_table, "SELECT count(*) FROM orders WHERE user_id = $1", (), False),
]


@pytest.mark.parametrize(("rule", "sql", "extra", "flagged"), CASES)
def test_rule_on_statement(rule, sql, extra, flagged):
    found = run(rule, facts(snapshot(stats(sql), indexes=INDEXES + extra)))
    assert len(found) == int(flagged)
    for finding in found:
        assert finding.rule == rule.RULE.id
        assert finding.statements[0].text == sql
        assert finding.fix is not None and finding.evidence


def test_count_on_a_cold_path_is_left_alone():
    assert not run(qr006_count_whole_table, facts(snapshot(stats("SELECT count(*) FROM orders", calls=20))))


def test_trigram_fix_is_an_online_index_with_its_rollback():
    (finding,) = run(qr004_leading_wildcard, facts(snapshot(stats("SELECT id FROM markets WHERE symbol LIKE '%x'"))))
    assert "USING gin (symbol gin_trgm_ops)" in finding.fix.ddl
    assert finding.fix.rollback == "DROP INDEX CONCURRENTLY IF EXISTS public.markets_symbol_trgm_idx;"
    assert finding.fix.safety is FixSafety.ONLINE


def test_one_trigram_index_proposed_for_many_statements():
    snap = snapshot(
        stats("SELECT id FROM markets WHERE symbol LIKE '%x'"),
        stats("SELECT name FROM markets WHERE symbol ILIKE '%y'"),
    )
    assert len(run(qr004_leading_wildcard, facts(snap))) == 1


def test_costly_statements_warn_and_cheap_ones_inform():
    sql = "SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM orders)"
    (costly,) = run(qr001_offset_pagination, facts(snapshot(stats(sql + " OFFSET 5000", mean_ms=50.0))))
    (cheap,) = run(qr001_offset_pagination, facts(snapshot(stats(sql + " OFFSET 5000", calls=10, mean_ms=1.0))))
    assert costly.severity is Severity.WARNING and cheap.severity is Severity.INFO


def _plan(queryid: int, filter_text: str) -> StatementPlan:
    scan = PlanNode("Seq Scan", 0, 100, 1, relation="orders", schema="public", filter=filter_text)
    return StatementPlan(
        queryid, "", generic=True, analyzed=False, root=PlanNode("Gather", 0, 100, 1, children=(scan,))
    )


def test_implicit_cast_seen_in_the_plan():
    statement = stats("SELECT id FROM orders WHERE user_id = $1")
    snap = snapshot(statement, plans=(_plan(statement.queryid, "((user_id)::numeric = $1)"),))
    (finding,) = run(qr003_non_sargable, facts(snap))
    assert "numeric" in finding.message and "the plan filters on (user_id)::numeric" in evidence_text(
        finding.evidence[0]
    )


def test_cast_written_in_the_text_is_not_reported_twice_from_the_plan():
    statement = stats("SELECT id FROM orders WHERE user_id::numeric = $1")
    snap = snapshot(statement, plans=(_plan(statement.queryid, "((user_id)::numeric = $1)"),))
    assert len(run(qr003_non_sargable, facts(snap))) == 1


@pytest.mark.parametrize("filter_text", ["((note)::numeric = $1)", "(user_id = $1)", "((ghost)::text = $1)"])
def test_plan_without_an_indexed_cast_column_is_left_alone(filter_text):
    statement = stats("SELECT id FROM orders WHERE user_id = $1")
    snap = snapshot(statement, plans=(_plan(statement.queryid, filter_text), StatementPlan(1, "", True, False)))
    assert not run(qr003_non_sargable, facts(snap))


@pytest.mark.parametrize(
    ("plan_ms", "exec_ms", "calls", "flagged"),
    [
        (0.1, 50.0, 10_000, False),
        (3.0, 2.0, 10_000, True),
        (3.0, 2.0, 50, False),
        (0.2, 0.1, 10_000, False),
        (None, 2.0, 10_000, False),
    ],
)
def test_planning_time(plan_ms, exec_ms, calls, flagged):
    total_plan = plan_ms * calls if plan_ms is not None else None
    statement = stats("SELECT price FROM markets WHERE id = $1", calls=calls, mean_ms=exec_ms, total_plan_ms=total_plan)
    found = run(qr007_planning_time, facts(snapshot(statement)))
    assert len(found) == int(flagged)


def _in_lists(count: int) -> tuple:
    return tuple(
        stats(f"SELECT id FROM orders WHERE id IN ({', '.join(f'${i}' for i in range(1, n + 2))})", calls=100 * (n + 1))
        for n in range(count)
    )


def test_in_list_variants_grouped():
    (finding,) = run(qr008_in_list_variants, facts(snapshot(*_in_lists(4))))
    assert "4 pg_stat_statements entries" in finding.message
    assert len(finding.statements) == 4 and "= ANY($1" in finding.fix.ddl


def test_in_list_variants_are_read_from_the_entries_the_workload_merges():
    """IN lists of every length share one fingerprint, so the analysis' workload holds them as one statement."""
    entries = _in_lists(3)
    shape = StatementShape("fp", StatementKind.SELECT, entries[0].query)
    merged = WorkloadStatement("fp", entries[0].query, shape, 600.0, 3.0, entries[0].queryid, entries[0].query, 600)
    analysis = dataclasses.replace(facts(snapshot(*entries)), workload=(merged,))
    (finding,) = run(qr008_in_list_variants, analysis)
    assert finding.message.startswith("3 pg_stat_statements entries")


@pytest.mark.parametrize(("count", "version_num"), [(2, 150000), (4, 180000)])
def test_in_list_variants_not_flagged(count, version_num):
    assert not run(qr008_in_list_variants, facts(snapshot(*_in_lists(count), version_num=version_num)))


def test_modelled_workload_is_read_with_its_literal_sample():
    normalized = stats("SELECT id FROM orders ORDER BY id LIMIT $1 OFFSET $2", total_plan_ms=1.0)
    shape = StatementShape("fp", StatementKind.SELECT, normalized.query)
    workload = WorkloadStatement(
        key="fp",
        text="SELECT id FROM orders ORDER BY id LIMIT 50 OFFSET 20000",
        shape=shape,
        calls_per_day=5000.0,
        mean_exec_ms=40.0,
        queryid=normalized.queryid,
        display_text=normalized.query,
        calls=5000,
    )
    analysis = dataclasses.replace(facts(snapshot(normalized)), workload=(workload,))
    (observed,) = observed_statements(analysis)
    assert observed.stats is normalized
    (finding,) = run(qr001_offset_pagination, analysis)
    assert finding.statements[0].text == normalized.query
    assert "20,000 rows" in finding.message


def test_statements_counted_below_the_top_level_are_not_read():
    nested = dataclasses.replace(stats("SELECT count(*) FROM orders"), toplevel=False)
    assert not run(qr006_count_whole_table, facts(snapshot(nested)))


def test_unqualified_table_found_in_public_first():
    other = dataclasses.replace(snapshot().tables[0], schema="archive")
    snap = snapshot(stats("SELECT count(*) FROM orders"), tables=(*snapshot().tables, other))
    (finding,) = run(qr006_count_whole_table, facts(snap))
    assert finding.target == "public.orders"


@pytest.mark.parametrize(("queryid", "target"), [(None, "statement"), (7, "queryid 7")])
def test_statement_on_an_unknown_table_is_named_by_its_queryid(queryid, target):
    statement = dataclasses.replace(stats("SELECT id FROM ghosts ORDER BY id OFFSET 5000"), queryid=queryid)
    (finding,) = run(qr001_offset_pagination, facts(snapshot(statement)))
    assert finding.target == target


@pytest.mark.parametrize(
    ("where", "targets"),
    [
        ("symbol LIKE '%usdt'", ["public.markets"]),
        ("note LIKE '%x'", ["public.orders"]),
        ("id LIKE '%1'", []),
        ("ghost LIKE '%x'", []),
    ],
)
def test_unqualified_column_of_a_join_placed_by_the_tables_columns(where, targets):
    sql = f"SELECT o.note FROM orders o JOIN markets m ON m.id = o.market_id WHERE {where}"
    assert [f.target for f in run(qr004_leading_wildcard, facts(snapshot(stats(sql))))] == targets


@pytest.mark.parametrize(
    ("generic", "analyzed", "root", "expected"),
    [
        (True, False, _plan(0, "").root, ("plan (generic)", "Seq Scan on public.orders (1 rows estimated)")),
        (False, True, PlanNode("Result", 0, 1, 1), ("plan (EXPLAIN ANALYZE)", "Result")),
        (False, False, PlanNode("Result", 0, 1, 1), ("plan", "Result")),
        (True, False, None, None),
    ],
)
def test_plan_shown_as_evidence_without_its_filters(generic, analyzed, root, expected):
    statement = stats("SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM orders WHERE note = 'secret')")
    plan = StatementPlan(statement.queryid, statement.query, generic, analyzed, root)
    (finding,) = run(qr002_not_in_subquery, facts(snapshot(statement, plans=(plan,))))
    plans = [(e.label, evidence_text(e)) for e in finding.evidence if e.label.startswith("plan")]
    assert plans == ([expected] if expected else [])
