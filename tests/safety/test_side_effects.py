"""The EXPLAIN ANALYZE guard's verdicts, statement by statement, on the real server (in-process, beside the
attack tests that go through the CLI)."""

from __future__ import annotations

import pytest

from pgtune.db import connect
from pgtune.errors import AnalyzeRefused
from pgtune.explain import explain
from pgtune.side_effects import analyze_refusal


@pytest.fixture(scope="module")
def session(database):
    database.execute(
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
        "CREATE TABLE quotes (id int PRIMARY KEY, sym text NOT NULL, px numeric NOT NULL);"
        "INSERT INTO quotes SELECT g, 'S' || g % 7, g FROM generate_series(1, 200) g;"
        "CREATE FUNCTION twice(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2';"
        "CREATE FUNCTION nested() RETURNS numeric LANGUAGE sql STABLE AS 'SELECT twice(px) FROM quotes LIMIT 1';"
        "CREATE FUNCTION volatile_sql() RETURNS int LANGUAGE sql VOLATILE AS 'SELECT 1';"
        "CREATE FUNCTION writer() RETURNS int LANGUAGE sql STABLE AS 'DELETE FROM quotes RETURNING 1';"
        "CREATE DOMAIN positive AS numeric CHECK (VALUE > 0);"
        "CREATE VIEW doubled AS SELECT id, twice(px) AS px2 FROM quotes;"
        "CREATE VIEW over_view AS SELECT * FROM doubled WHERE px2 > 10;"
        "CREATE TABLE parent (id int) PARTITION BY RANGE (id);"
        "CREATE TABLE child PARTITION OF parent FOR VALUES FROM (0) TO (10);"
        "CREATE TYPE pair AS (a int, b int);"
        "CREATE FUNCTION pair_text(pair) RETURNS text LANGUAGE sql STABLE AS 'SELECT pg_cancel_backend(1)::text';"
        "CREATE CAST (pair AS text) WITH FUNCTION pair_text(pair);"
    )
    with connect(database.dsn) as session:
        yield session


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT sym, count(*) FROM quotes WHERE px BETWEEN 1 AND 50 GROUP BY sym ORDER BY 2 DESC",
        "SELECT nested(), twice(2)",
        "SELECT * FROM over_view",
        "SELECT 5::positive",
        "SELECT similarity(sym, 'S1') FROM quotes",  # pg_trgm: C, immutable, in an extension
        "SELECT * FROM parent",
        "WITH q AS (SELECT * FROM quotes) SELECT count(*) FROM q",
        "SELECT pg_sleep(0), clock_timestamp(), pg_relation_size('quotes')",
    ],
)
def test_what_reaches_nothing_with_effects_is_executed(session, statement):
    assert analyze_refusal(session, statement) is None
    assert explain(session, statement, analyze=True).execution_ms is not None


@pytest.mark.parametrize(
    ("statement", "why"),
    [
        ("SELECT volatile_sql()", "a volatile sql function (user-defined)"),
        ("SELECT writer()", "the body of function public.writer() is not a SELECT (DELETE)"),
        ("SELECT * FROM no_such_relation", "reads no_such_relation, which is not in the catalog"),
        ("SELECT no_such_function()", "calls no_such_function(), which is not in the catalog"),
        ("SELECT ROW(1, 2)::pair::text", "pg_cancel_backend"),
        ("SELECT * FROM quotes WHERE id = $1", "it has $n parameters"),
        ("SELECT 1; SELECT 2", "is not a single statement"),
    ],
)
def test_what_may_act_is_refused_with_the_reason(session, statement, why):
    with pytest.raises(AnalyzeRefused) as refused:
        explain(session, statement, analyze=True)
    assert why in refused.value.message


def test_what_was_found_safe_is_not_looked_up_again(session, monkeypatch):
    assert analyze_refusal(session, "SELECT id FROM doubled WHERE px2 > 3") is None
    looked_up = []
    named = session.named
    monkeypatch.setattr(session, "named", lambda name, *args, **kw: looked_up.append(name) or named(name, *args, **kw))
    assert analyze_refusal(session, "SELECT id FROM doubled WHERE px2 > 4") is None
    # Only the names are resolved again; the view, its function and operators are known safe.
    assert "guard_definitions" not in looked_up
