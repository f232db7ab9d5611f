"""What a collection does without privileges or extensions: gaps with a remedy, never a traceback."""

from __future__ import annotations

import json

import psycopg
import pytest

from bench.catalog import CountingSession, add_tables, main, measure
from pgtune.collectors import CollectOptions, collect
from pgtune.collectors.base import Gaps
from pgtune.db import connect

ROLE, PASSWORD = "collector_without_monitor", "s3cret-pw"


@pytest.fixture(scope="module")
def limited_dsn(database):
    database.execute(
        f"DROP ROLE IF EXISTS {ROLE}; CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}';"
        f"CREATE EXTENSION pg_qualstats; CREATE TABLE ledger (id int PRIMARY KEY, amount numeric);"
        f"GRANT SELECT ON ledger TO {ROLE}; INSERT INTO ledger SELECT g, g FROM generate_series(1, 100) g; ANALYZE"
    )
    database.run_workload(["SELECT sum(amount) FROM ledger"], repeat=2)
    yield f"host={database.host} port={database.port} dbname={database.dbname} user={ROLE} password={PASSWORD}"
    database.execute(f"DROP OWNED BY {ROLE}; DROP ROLE {ROLE}")


def test_a_role_without_pg_monitor_gets_gaps_not_errors(database, limited_dsn):
    with database.connect() as other_session:
        other_session.execute("BEGIN; SELECT 1")
        with connect(limited_dsn) as session:
            snapshot = collect(session)
    assert not snapshot.server.has_pg_monitor and not snapshot.server.is_superuser
    gaps = {g.source: g for g in snapshot.gaps}
    hidden = gaps["pg_stat_statements"]
    assert "hidden from this role" in hidden.reason and "pg_monitor" in hidden.remedy
    assert "hidden from this role" in gaps["pg_stat_activity"].reason
    assert all(s.query != "<insufficient privilege>" for s in snapshot.statements)
    assert snapshot.table("public", "ledger").n_live_tup == 100
    assert PASSWORD not in snapshot.to_json()


def test_a_refused_query_is_a_gap_with_the_grant_to_make(database, limited_dsn):
    database.execute("CREATE TABLE IF NOT EXISTS secret (id int)")
    gaps = Gaps()
    with connect(limited_dsn) as session:
        assert gaps.attempt("secret", lambda: session.rows("SELECT * FROM secret"), []) == []
    assert "permission denied" in gaps.items[0].reason and "pg_monitor" in gaps.items[0].remedy


def test_missing_extensions_leave_gaps(database):
    database.execute("DROP EXTENSION pg_stat_statements")
    try:
        with connect(database.dsn) as session:
            snapshot = collect(session)
    finally:
        database.execute("CREATE EXTENSION pg_stat_statements")
    gap = next(g for g in snapshot.gaps if g.source == "pg_stat_statements")
    assert gap.reason == "the extension is not created in this database"
    assert "CREATE EXTENSION pg_stat_statements" in gap.remedy
    assert snapshot.statements == () and snapshot.plans == () and snapshot.tables


def test_pg_stat_statements_in_another_schema(database):
    database.execute("DROP EXTENSION pg_stat_statements; CREATE SCHEMA monitoring;")
    database.execute("CREATE EXTENSION pg_stat_statements SCHEMA monitoring")
    try:
        database.run_workload(["SELECT count(*) FROM ledger"])
        with connect(database.dsn) as session:
            snapshot = collect(session, CollectOptions(plans=False))
    finally:
        database.execute("DROP EXTENSION pg_stat_statements; CREATE EXTENSION pg_stat_statements")
    assert snapshot.server.extension("pg_stat_statements").schema == "monitoring"
    assert any(s.query == "SELECT count(*) FROM ledger" for s in snapshot.statements)
    assert not [g for g in snapshot.gaps if g.source.startswith("pg_stat_statements")]


def test_a_missing_view_is_a_gap_and_the_session_goes_on(database):
    gaps = Gaps()
    with connect(database.dsn) as session:
        assert gaps.attempt("pg_stat_nothing", lambda: session.rows("SELECT * FROM pg_stat_nothing"), []) == []
        assert session.scalar("SELECT 1") == 1
    assert gaps.items[0].source == "pg_stat_nothing" and "does not exist" in gaps.items[0].reason


def test_a_lost_connection_is_not_a_gap(database):
    gaps = Gaps()
    with connect(database.dsn) as session:
        session.connection.close()
        with pytest.raises(psycopg.OperationalError):
            gaps.attempt("tables", lambda: session.rows("SELECT 1"), [])


def test_round_trips_do_not_grow_with_the_number_of_tables(database):
    add_tables(database.dsn, 1, 3)
    few = measure(database.dsn)
    add_tables(database.dsn, 4, 40)
    many = measure(database.dsn)
    assert many["tables"] - few["tables"] == 37 and many["indexes"] - few["indexes"] == 37 * 3
    assert many["round_trips"] == few["round_trips"] <= 20


def test_plans_cost_one_round_trip_each_at_most_a_few(database):
    database.reset_statements()
    database.run_workload([("SELECT amount FROM ledger WHERE id = %s", (1,))], repeat=2)
    with connect(database.dsn) as plain:
        session = CountingSession(plain.connection, database.dsn)
        session.round_trips = 0
        snapshot = collect(session, CollectOptions(max_plans=1))
    (plan,) = snapshot.plans
    assert plan.root is not None
    without_plans = measure(database.dsn)["round_trips"]
    assert without_plans < session.round_trips <= without_plans + 5


def test_a_statement_that_no_longer_plans_is_a_gap(database):
    database.execute("CREATE TABLE doomed (id int PRIMARY KEY)")
    database.reset_statements()
    database.run_workload([("SELECT id FROM doomed WHERE id = %s", (1,))])
    database.execute("DROP TABLE doomed")
    with connect(database.dsn) as session:
        snapshot = collect(session, CollectOptions(max_plans=5))
    (plan,) = [p for p in snapshot.plans if "doomed" in p.query]
    assert plan.root is None and 'relation "doomed" does not exist' in plan.error
    gap = next(g for g in snapshot.gaps if g.source == "plans")
    assert f"queryid {plan.queryid}" in gap.reason and "does not exist" in gap.reason


@pytest.mark.slow
def test_the_catalog_bench_at_a_tiny_size(tmp_path, capsys):
    assert main(["--tables", "20", "--results", str(tmp_path)]) == 0
    runs = json.loads((tmp_path / "catalog.json").read_text())["runs"]
    assert [(r["tables"], r["indexes"]) for r in runs] == [(2, 6), (20, 60)]
    assert runs[0]["round_trips"] == runs[1]["round_trips"] and "round trips" in capsys.readouterr().out
