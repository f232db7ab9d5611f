"""What a statement names that could run code (``pgtune/query/reach.py``), read from text alone."""

from __future__ import annotations

import pytest

from pgtune.query.reach import function_body_reach, statement_reach


def test_functions_operators_relations_types_and_ctes_are_named():
    reach = statement_reach(
        "WITH recent AS (SELECT * FROM s.trades) "
        "SELECT public.f(1), lower(x)::mytype, a BETWEEN 1 AND 2, b LIKE 'x', c IN (1, 2), "
        "d = ANY (SELECT 1), CASE e WHEN 1 THEN 2 END, OPERATOR(pg_catalog.+)(1, 2) "
        "FROM recent JOIN orders o ON o.id = recent.id ORDER BY a USING >"
    )
    assert reach.refusal is None
    assert reach.functions == {("public", "f"), (None, "lower")}
    assert {(None, ">="), (None, "<="), (None, "~~"), (None, "="), ("pg_catalog", "+"), (None, ">")} <= reach.operators
    assert reach.relations == {("s", "trades"), (None, "recent"), (None, "orders")}
    assert reach.types == {(None, "mytype")}
    assert reach.cte_names == {"recent"}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "writes: it holds DELETE"),
        ("WITH u AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM u", "writes: it holds UPDATE"),
        ("SELECT * FROM t FOR UPDATE", "writes: it holds a locking clause"),
        ("SELECT * INTO copy FROM t", "writes: it holds SELECT INTO"),
        ("DELETE FROM t", "is not a SELECT (DELETE)"),
        ("SELECT 1; SELECT 2", "is not a single statement"),
        ("SELEC 1", "does not parse"),
    ],
)
def test_what_cannot_be_a_reading_select_is_refused(text, why):
    assert statement_reach(text).refusal.startswith(why)


def test_sql_function_bodies_in_each_form():
    assert function_body_reach("SELECT pg_cancel_backend($1); SELECT 1").functions == {(None, "pg_cancel_backend")}
    standard = function_body_reach("BEGIN ATOMIC\n SELECT pg_terminate_backend(pid) AS x;\nEND")
    assert standard.functions == {(None, "pg_terminate_backend")}
    assert function_body_reach("RETURN nextval('s')").functions == {(None, "nextval")}
    assert function_body_reach("SELECT 1; INSERT INTO t VALUES (1)").refusal == "is not a SELECT (INSERT)"
