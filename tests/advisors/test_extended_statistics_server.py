"""MT006 on the suite's PostgreSQL: a real EXPLAIN ANALYZE misestimate on correlated columns, and its fix.

The plan comes from pgtune.explain, the table facts from pgtune.collectors.
"""

from __future__ import annotations

import dataclasses

from pglast import split

from pgtune.advisors.base import AnalysisFacts
from pgtune.advisors.maintenance import mt006_extended_statistics
from pgtune.db import connect
from pgtune.explain import explain

from .collected import read_snapshot

# symbol is a function of market_id: the planner multiplies 1/100 by 1/100 and expects 10 rows, not 1,000.
SCHEMA = """
CREATE TABLE orders (id bigint, market_id int NOT NULL, symbol text NOT NULL, qty numeric)
    WITH (autovacuum_enabled = false);
INSERT INTO orders SELECT g, g % 100, 'S' || (g % 100), 1 FROM generate_series(1, 100000) g;
"""
QUERY = "SELECT id FROM orders WHERE market_id = 7 AND symbol = 'S7'"


def _facts(database) -> AnalysisFacts:
    with connect(database.dsn) as session:
        plan = explain(session, QUERY, queryid=42, analyze=True)
    snapshot = read_snapshot(database.dsn)
    return AnalysisFacts(dataclasses.replace(snapshot, plans=(plan,)))


def test_correlated_columns_get_statistics_that_fix_the_estimate(database):
    database.execute(SCHEMA)
    database.execute("ANALYZE orders")
    (finding,) = mt006_extended_statistics.check(_facts(database))
    assert finding.target == "public.orders" and "market_id, symbol" in finding.message
    assert "actually 1,000" in finding.message
    with database.connect() as conn:
        for statement in split(finding.fix.ddl):
            conn.execute(statement)
    assert list(mt006_extended_statistics.check(_facts(database))) == [], "the planner now estimates right"
    with database.connect() as conn:
        conn.execute(finding.fix.rollback)
    assert len(list(mt006_extended_statistics.check(_facts(database)))) == 1
