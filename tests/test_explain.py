"""Generic plans on 15 (PREPARE + force_generic_plan), literal plans, and the EXPLAIN ANALYZE guard."""

from __future__ import annotations

import pytest

from pgtune.db import connect
from pgtune.errors import BadInput
from pgtune.explain import explain


@pytest.fixture(scope="module")
def session(database):
    database.execute(
        "CREATE TABLE fills (id bigserial PRIMARY KEY, market_id int NOT NULL, qty numeric NOT NULL);"
        "INSERT INTO fills (market_id, qty) SELECT g % 50, g FROM generate_series(1, 20000) g; ANALYZE fills"
    )
    with connect(database.dsn) as session:
        yield session


def test_generic_plan_of_a_normalized_statement(session):
    plan = explain(session, "SELECT qty FROM fills WHERE id = $1", queryid=42)
    assert plan.error is None and plan.generic and not plan.analyzed
    assert plan.queryid == 42
    assert [n.node_type for n in plan.root.walk()] == ["Index Scan"]
    assert plan.root.index_name == "fills_pkey" and plan.root.relation == "fills"
    assert session.scalar("SELECT count(*) FROM pg_prepared_statements") == 0
    assert session.connection.info.transaction_status.name == "IDLE"


def test_generic_plan_of_dml_changes_nothing(session):
    plan = explain(session, "UPDATE fills SET qty = $1 WHERE market_id = $2")
    assert plan.error is None
    assert plan.root.node_type == "ModifyTable"
    assert session.scalar("SELECT count(*) FROM fills WHERE qty IS NULL") == 0


def test_plan_errors_are_recorded_not_raised(session):
    plan = explain(session, "SELECT * FROM no_such_table WHERE id = $1")
    assert plan.root is None
    assert 'relation "no_such_table" does not exist' in plan.error
    assert session.scalar("SELECT 1") == 1


def test_explain_analyze_only_on_select_with_literals(session):
    plan = explain(session, "SELECT count(*) FROM fills WHERE market_id = 7", analyze=True)
    assert plan.analyzed and plan.execution_ms is not None
    assert plan.root.actual_rows == 1 and plan.root.children[0].actual_loops >= 1
    for refused in ("DELETE FROM fills", "SELECT * FROM fills WHERE id = $1", "SELECT pg_terminate_backend(1)"):
        with pytest.raises(BadInput):
            explain(session, refused, analyze=True)
    assert session.scalar("SELECT count(*) FROM fills") == 20000


def test_several_statements_are_never_sent(session):
    plan = explain(session, "SELECT 1; SELECT pg_sleep(0)")
    assert plan.root is None and plan.error == "not a single statement"
    injected = explain(session, "SELECT qty FROM fills WHERE id = $1; DEALLOCATE ALL")
    assert injected.error == "not a single statement"


def test_a_failed_plan_leaves_no_transaction_and_no_prepared_statement(session):
    assert explain(session, "SELECT * FROM fills WHERE nope = $1").error.startswith("column")
    assert session.connection.info.transaction_status.name == "IDLE"
    assert session.scalar("SELECT count(*) FROM pg_prepared_statements") == 0


def test_a_parameter_prepare_cannot_type_is_declared_text(session):
    """EXPLAIN (GENERIC_PLAN) on 16+ plans it; PREPARE before 16 refused $2 (an argument of "any")."""
    query = "INSERT INTO fills (market_id, qty) SELECT $1, length(jsonb_build_object($2, $3::text)::text)"
    plan = explain(session, query)
    assert plan.error is None and plan.root.node_type == "ModifyTable"
    assert explain(session, query).error is None
    assert session.scalar("SELECT count(*) FROM pg_prepared_statements") == 0
    assert explain(session, "SELECT $1 IS NULL FROM fills WHERE id = $2").error is None
    assert session.scalar("SELECT count(*) FROM fills") == 20000


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM (SELECT $1 AS c0, id FROM fills) s WHERE s.c0 > s.id",
        "SELECT coalesce(s.c0, market_id) FROM (SELECT $1 AS c0, market_id FROM fills) s",
        "SELECT * FROM (SELECT $1 AS c0 FROM fills) s WHERE s.c0",
        "SELECT * FROM (SELECT $1 AS c0 FROM fills) s WHERE s.c0 = now()",
    ],
)
def test_a_constant_in_a_subquery_output_takes_the_type_it_meets(session, query):
    # pg_stat_statements shows `SELECT 5 AS c0` as `SELECT $1 AS c0`: typed text, then refused where the
    # 5 was compared with a number; planned once the parameter has the type the error names.
    plan = explain(session, query)
    assert plan.error is None and plan.root is not None
    assert session.connection.info.transaction_status.name == "IDLE"


def test_an_arithmetic_of_two_parameters_is_planned_as_numbers(session):
    # TPC-H Q6 as pg_stat_statements shows it: `l_discount BETWEEN 0.06 - 0.01 AND 0.06 + 0.01`.
    plan = explain(session, "SELECT sum(qty) FROM fills WHERE qty BETWEEN $1 - $2 AND $3 + $4 AND market_id = $5")
    assert plan.error is None and plan.root is not None
    assert session.scalar("SELECT count(*) FROM pg_prepared_statements") == 0


def test_a_type_mismatch_of_the_statement_itself_stays_an_error(session):
    plan = explain(session, "SELECT * FROM fills WHERE market_id = 'x'::text")
    assert plan.root is None and "operator does not exist: integer = text" in plan.error
