"""IX002-IX007 end to end on the suite's PostgreSQL: a real schema, its catalog read back, the rules' verdicts.

The facts come from pgtune.collectors, as ``pgtune analyze`` gets them.
"""

from __future__ import annotations

import psycopg
import pytest
from pglast import parse_sql, split

from pgtune.advisors.base import AdvisorSettings, AnalysisFacts, findings_of
from pgtune.advisors.indexes import (
    ix002_unused_index,
    ix003_duplicate_index,
    ix004_redundant_index,
    ix005_invalid_index,
    ix006_bloated_index,
    ix007_foreign_key_index,
)

from .collected import read_snapshot

SCHEMA = """
CREATE TABLE markets (id int PRIMARY KEY, symbol text NOT NULL);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    status text NOT NULL,
    client_order_id bigint NOT NULL CONSTRAINT orders_client_order_id_key UNIQUE,
    legacy_ref text
);
CREATE TABLE trades (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    market_id int NOT NULL REFERENCES markets (id),
    qty numeric NOT NULL
);
CREATE TABLE queue (id bigint PRIMARY KEY, payload text NOT NULL);
CREATE TABLE fills (order_id bigint NOT NULL, filled_on date NOT NULL) PARTITION BY RANGE (filled_on);
CREATE TABLE fills_2026 PARTITION OF fills FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE fills_2027 PARTITION OF fills FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE INDEX fills_filled_on_idx ON fills (filled_on);
CREATE INDEX fills_filled_on_copy ON fills (filled_on);

INSERT INTO markets SELECT g, 'M' || g FROM generate_series(1, 20) g;
INSERT INTO orders (user_id, status, client_order_id, legacy_ref)
    SELECT g % 500, CASE WHEN g % 10 = 0 THEN 'open' ELSE 'filled' END, g, NULL FROM generate_series(1, 5000) g;
INSERT INTO trades (order_id, market_id, qty) SELECT 1 + g % 5000, 1 + g % 20, 1 FROM generate_series(1, 5000) g;
INSERT INTO queue SELECT g, repeat(md5(g::text), 3) FROM generate_series(1, 200000) g;

CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at);
CREATE INDEX orders_user_id_created_at_copy ON orders (user_id, created_at);
CREATE INDEX orders_created_at_user_id_idx ON orders (created_at, user_id);
CREATE INDEX orders_open_user_id_idx ON orders (user_id) WHERE status = 'open';
CREATE INDEX orders_user_id_pattern_idx ON orders (user_id, status text_pattern_ops);
CREATE INDEX orders_legacy_ref_idx ON orders (legacy_ref);
CREATE INDEX trades_order_id_idx ON trades (order_id, qty);
CREATE INDEX queue_payload_idx ON queue (payload);

DELETE FROM queue WHERE id % 20 <> 0;
"""


@pytest.fixture(scope="module")
def snapshot(database):
    database.execute(SCHEMA)
    database.execute("VACUUM ANALYZE markets, orders, trades, queue, fills")
    with database.connect() as conn, pytest.raises(psycopg.errors.UniqueViolation):
        conn.execute("CREATE UNIQUE INDEX CONCURRENTLY orders_status_key ON orders (status)")
    with database.connect() as conn:
        conn.execute("SET enable_seqscan = off")
        conn.execute("SELECT * FROM trades WHERE order_id = 7").fetchall()
        conn.execute("SELECT pg_stat_force_next_flush()")
    return read_snapshot(database.dsn)


def _targets(module, snapshot, **settings) -> set[str]:
    facts = AnalysisFacts(snapshot, settings=AdvisorSettings(**settings))
    findings, _ = findings_of(module, facts)
    for finding in findings:
        parse_sql(finding.fix.ddl)
        if finding.fix.rollback:
            parse_sql(finding.fix.rollback)
    return {f.target for f in findings}


def test_unused_indexes_spare_keys_constraints_and_used_ones(snapshot):
    assert _targets(ix002_unused_index, snapshot) == set(), "a fresh database is younger than the 7-day minimum"
    unused = _targets(ix002_unused_index, snapshot, min_stats_age_days=0)
    assert "public.orders_legacy_ref_idx" in unused
    assert "public.trades_order_id_idx" not in unused
    assert not unused & {"public.orders_pkey", "public.orders_client_order_id_key", "public.markets_pkey"}
    assert "public.orders_status_key" not in unused
    assert "public.orders_user_id_idx" not in unused, "left to IX004, which says why"
    (duplicate,) = {t for t in _targets(ix003_duplicate_index, snapshot) if "fills" in t}
    kept = ({"public.fills_filled_on_idx", "public.fills_filled_on_copy"} - {duplicate}).pop()
    assert {t for t in unused if "fills" in t} == {kept}, "judged across partitions, never per partition"


def test_duplicate_and_redundant_indexes(snapshot):
    orders_duplicate, fills_duplicate = sorted(_targets(ix003_duplicate_index, snapshot), reverse=True)
    assert orders_duplicate in {"public.orders_user_id_created_at_copy", "public.orders_user_id_created_at_idx"}
    assert fills_duplicate in {"public.fills_filled_on_copy", "public.fills_filled_on_idx"}, "judged on the parent"
    assert _targets(ix004_redundant_index, snapshot) == {"public.orders_user_id_idx"}


def test_failed_concurrent_unique_build_is_invalid(snapshot):
    assert _targets(ix005_invalid_index, snapshot) == {"public.orders_status_key"}


def test_bloated_index_after_mass_delete(snapshot):
    assert _targets(ix006_bloated_index, snapshot) == {"public.queue_payload_idx"}


def test_foreign_key_without_supporting_index(snapshot):
    assert _targets(ix007_foreign_key_index, snapshot) == {"public.trades"}
    (finding,) = ix007_foreign_key_index.check(AnalysisFacts(snapshot))
    assert "trades_market_id_fkey" in finding.message


def test_proposed_ddl_runs_and_its_rollback_restores(database, snapshot):
    facts = AnalysisFacts(snapshot, settings=AdvisorSettings(min_stats_age_days=0))
    fixes = [
        f.fix
        for module in (ix003_duplicate_index, ix004_redundant_index, ix007_foreign_key_index)
        for f in module.check(facts)
    ]
    with database.connect() as conn:
        before = conn.execute("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'").fetchone()
        # One statement at a time, as psql -f runs a script: CONCURRENTLY refuses a multi-statement string.
        for statement in [s for fix in fixes for s in split(fix.ddl)]:
            conn.execute(statement)
        for statement in [s for fix in reversed(fixes) for s in split(fix.rollback)]:
            conn.execute(statement)
        after = conn.execute("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'").fetchone()
    assert before == after
    assert {i.definition for i in read_snapshot(database.dsn).indexes} == {i.definition for i in snapshot.indexes}
