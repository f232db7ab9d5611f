"""MT001, MT003, MT004 and MT007 end to end on the suite's PostgreSQL: real tables, their catalog read back.

Autovacuum is switched off on the tables under test so that it cannot race the assertions. The facts come
from pgtune.collectors, as ``pgtune analyze`` gets them.
"""

from __future__ import annotations

import pytest
from pglast import parse_sql, split

from pgtune.advisors.base import AnalysisFacts
from pgtune.advisors.maintenance import (
    mt001_dead_tuples,
    mt003_sequence_limit,
    mt004_missing_primary_key,
    mt007_stale_statistics,
)

from .collected import read_snapshot

SCHEMA = """
CREATE TABLE balances (account_id bigint PRIMARY KEY, amount numeric NOT NULL)
    WITH (autovacuum_enabled = false);
CREATE TABLE trades (id serial PRIMARY KEY, qty numeric NOT NULL) WITH (autovacuum_enabled = false);
CREATE TABLE fills (fill_id bigint NOT NULL, qty numeric) WITH (autovacuum_enabled = false);
CREATE UNIQUE INDEX fills_fill_id_key ON fills (fill_id);
CREATE TABLE markets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, symbol text)
    WITH (autovacuum_enabled = false);

INSERT INTO balances SELECT g, 0 FROM generate_series(1, 30000) g;
INSERT INTO trades (qty) SELECT 1 FROM generate_series(1, 100);
INSERT INTO fills SELECT g, 1 FROM generate_series(1, 5000) g;
INSERT INTO markets (symbol) VALUES ('BTC-USDT');
SELECT setval('trades_id_seq', 1900000000);
"""


@pytest.fixture(scope="module")
def snapshot(database):
    database.execute(SCHEMA)
    database.execute("ANALYZE balances, trades, markets")
    with database.connect() as conn:
        conn.execute("UPDATE balances SET amount = amount + 1")
        conn.execute("SELECT pg_stat_force_next_flush()")
    return read_snapshot(database.dsn)


def _findings(module, snapshot):
    findings = list(module.check(AnalysisFacts(snapshot)))
    for finding in findings:
        if finding.fix:
            parse_sql(finding.fix.ddl)
            parse_sql(finding.fix.rollback or "SELECT 1")
    return findings


def test_dead_rows_with_autovacuum_off(snapshot):
    (finding,) = _findings(mt001_dead_tuples, snapshot)
    assert finding.target == "public.balances" and "autovacuum is off" in finding.message
    assert "autovacuum_enabled = on" in finding.fix.ddl


def test_int4_serial_near_its_limit(snapshot):
    (finding,) = _findings(mt003_sequence_limit, snapshot)
    assert finding.target == "public.trades.id" and "88 %" in finding.message
    assert "ALTER TABLE public.trades ALTER COLUMN id TYPE bigint;" in finding.fix.ddl


def test_table_without_primary_key_gets_its_unique_index_promoted(snapshot):
    (finding,) = _findings(mt004_missing_primary_key, snapshot)
    assert finding.target == "public.fills"
    assert "PRIMARY KEY USING INDEX fills_fill_id_key" in finding.fix.ddl


def test_never_analyzed_and_stale_statistics(snapshot):
    assert {f.target for f in _findings(mt007_stale_statistics, snapshot)} == {"public.fills", "public.balances"}


def test_fixes_run_and_roll_back(database, snapshot):
    fixes = [
        f.fix
        for module in (mt001_dead_tuples, mt004_missing_primary_key)
        for f in module.check(AnalysisFacts(snapshot))
    ]
    with database.connect() as conn:
        # One statement at a time, as psql -f runs a script: CONCURRENTLY refuses a multi-statement string.
        for statement in [s for fix in fixes for s in split(fix.ddl)]:
            conn.execute(statement)
        for statement in [s for fix in reversed(fixes) for s in split(fix.rollback)]:
            conn.execute(statement)
    after = read_snapshot(database.dsn)
    assert after.table("public", "balances").reloptions == ("autovacuum_enabled=false",)
    assert {c.name for c in after.constraints if c.table == "fills"} == set()
    assert {i.definition for i in after.indexes} == {i.definition for i in snapshot.indexes}
