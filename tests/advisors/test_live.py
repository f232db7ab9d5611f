"""QR and CF rules end to end on the suite's real server: statements run, pg_stat_statements records them,
the rules read what it recorded.

The collectors are not merged yet, so the few facts needed are read here with SQL of the test's own
(``_snapshot``); once they are, this builds its Snapshot through them instead.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from pgtune.advisors import ANALYSIS_ADVISORS
from pgtune.advisors.base import findings_of
from pgtune.facts import IndexFacts, ServerFacts, Setting, Snapshot, StatementStats, TableFacts

from .builders import GB, facts

SCHEMA = """
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, phone text);
CREATE INDEX users_lower_email ON users (lower(email));
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, created_at timestamptz NOT NULL, note text);
CREATE INDEX orders_created_at ON orders (created_at);
INSERT INTO users SELECT g, 'u' || g || '@x.io', NULL FROM generate_series(1, 1000) g;
INSERT INTO orders SELECT g, g % 1000 + 1, now() - g * interval '1 minute', NULL FROM generate_series(1, 120000) g;
ANALYZE users; ANALYZE orders;
"""

WORKLOAD = [
    "SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM orders WHERE note IS NOT NULL)",
    ("SELECT id FROM orders WHERE date(created_at) = %s", ("2026-11-01",)),
    ("SELECT id FROM users WHERE lower(email) = %s", ("u1@x.io",)),
    "SELECT count(*) FROM orders",
    *(("SELECT note FROM orders WHERE id IN (" + ", ".join(["%s"] * n) + ")", tuple(range(n))) for n in (1, 2, 3)),
    "SET work_mem = '64kB'",
    "SELECT id FROM orders ORDER BY note, created_at",
    "RESET work_mem",
]

STATEMENTS_SQL = """
SELECT queryid, query, calls, total_exec_time, mean_exec_time, stddev_exec_time, total_plan_time,
       temp_blks_written, toplevel
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
"""
INDEXES_SQL = """
SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid), am.amname,
       ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY ord),
       pg_get_expr(x.indexprs, x.indrelid)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_am am ON am.oid = i.relam WHERE t.relnamespace = 'public'::regnamespace
"""
TABLES_SQL = "SELECT relname, reltuples FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
SETTINGS_SQL = "SELECT name, setting, unit, context, source FROM pg_settings WHERE name = ANY(%s)"


def _snapshot(conn) -> Snapshot:
    statements = tuple(
        StatementStats(q, text, calls, total, mean, stddev, total_plan_ms=plan, temp_blks_written=temp, toplevel=top)
        for q, text, calls, total, mean, stddev, plan, temp, top in conn.execute(STATEMENTS_SQL)
    )
    indexes = tuple(
        IndexFacts("public", table, name, definition, method, tuple(columns), (expression,) if expression else ())
        for table, name, definition, method, columns, expression in conn.execute(INDEXES_SQL)
    )
    tables = tuple(TableFacts("public", name, reltuples=rows) for name, rows in conn.execute(TABLES_SQL))
    names = ["work_mem", "shared_buffers", "max_connections"]
    settings = tuple(Setting(*row) for row in conn.execute(SETTINGS_SQL, (names,)))
    server = ServerFacts(conn.info.server_version, "", conn.info.dbname, "", settings=settings)
    now = datetime.now(timezone.utc)
    return Snapshot(server, now, statements=statements, statements_reset_at=now, tables=tables, indexes=indexes)


@pytest.fixture(scope="module")
def findings(database):
    database.execute(SCHEMA)
    database.reset_statements()
    database.run_workload(WORKLOAD, repeat=6)
    with database.connect() as conn:
        snap = _snapshot(conn)
    analysis = facts(snap, memory_bytes=64 * GB)
    return [finding for advisor in ANALYSIS_ADVISORS for finding in findings_of(advisor, analysis)[0]]


def _of(findings, rule: str) -> list:
    return [f for f in findings if f.rule == rule]


def test_not_in_subquery_found(findings):
    (finding,) = _of(findings, "QR002")
    assert "NOT IN" in finding.statements[0].text and finding.statements[0].calls == 6


def test_function_on_indexed_column_found_and_expression_index_respected(findings):
    (finding,) = _of(findings, "QR003")
    assert (
        finding.target == "public.orders"
        and "the function date() on the indexed column public.orders.created_at" in finding.message
    )


def test_count_of_a_large_table_found(findings):
    (finding,) = _of(findings, "QR006")
    assert finding.target == "public.orders"


def test_in_lists_grouped(findings):
    (finding,) = _of(findings, "QR008")
    assert len(finding.statements) == 3


def test_spilling_sort_raises_work_mem(findings):
    (finding,) = _of(findings, "CF003")
    assert finding.target == "work_mem" and "ORDER BY note" in finding.statements[0].text


def test_no_other_statement_rule_fires(findings):
    assert {f.rule for f in findings if f.rule.startswith("QR")} == {"QR002", "QR003", "QR006", "QR008"}
