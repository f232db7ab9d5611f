"""Every collector against the suite's real PostgreSQL 15, and the snapshot's JSON round trip."""

from __future__ import annotations

import pytest

from pgtune.collectors import CollectOptions, collect, snapshot_from
from pgtune.collectors.catalog import catalog_from_snapshot
from pgtune.db import connect
from pgtune.errors import BadInput
from pgtune.explain import explain
from pgtune.facts import Snapshot
from pgtune.query.model import QualifiedName
from pgtune.whatif.hypopg import HypoPG

SCHEMA = """
CREATE EXTENSION pg_qualstats;
CREATE SCHEMA ex;
CREATE TABLE ex.markets (id int PRIMARY KEY, symbol text NOT NULL UNIQUE);
CREATE TABLE ex.orders (
    id bigserial PRIMARY KEY,
    market_id int NOT NULL REFERENCES ex.markets (id),
    status text NOT NULL DEFAULT 'open',
    price numeric NOT NULL CHECK (price > 0),
    email text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_open ON ex.orders (market_id, created_at DESC) INCLUDE (price) WHERE status = 'open';
CREATE INDEX orders_email ON ex.orders (lower(email), market_id);
CREATE TABLE ex.fills (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE ex.fills_2024 PARTITION OF ex.fills FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW ex.open_orders AS SELECT id, market_id FROM ex.orders WHERE status = 'open';
CREATE MATERIALIZED VIEW ex.order_counts AS SELECT market_id, count(*) AS n FROM ex.orders GROUP BY market_id;
CREATE STATISTICS ex.orders_market_status (dependencies, mcv) ON market_id, status FROM ex.orders;
CREATE SEQUENCE ex.tickets AS smallint;
INSERT INTO ex.markets SELECT g, 'M' || g FROM generate_series(1, 20) g;
INSERT INTO ex.orders (market_id, status, price, email)
SELECT 1 + g % 20, CASE WHEN g % 10 = 0 THEN 'open' ELSE 'filled' END, g, 'u' || g || '@x'
FROM generate_series(1, 5000) g;
ANALYZE;
"""
WORKLOAD = [
    ("SELECT id FROM ex.orders WHERE market_id = %s AND status = 'open'", (1,)),
    ("SELECT count(*) FROM ex.orders WHERE price > %s", (10,)),
    ("UPDATE ex.orders SET price = price WHERE id = %s", (1,)),
    "SET work_mem = '8MB'",
]


@pytest.fixture(scope="module")
def snapshot(database, tmp_path_factory) -> Snapshot:
    database.execute(SCHEMA)
    database.reset_statements()
    database.run_workload(WORKLOAD, repeat=3)
    workload = tmp_path_factory.mktemp("workload") / "app.sql"
    workload.write_text(
        "SELECT * FROM ex.orders WHERE market_id = 5 AND status = 'open';\nSELECT 1;\n"
        "SELECT * FROM ex.orders WHERE id = $1;\nDELETE FROM ex.orders;\n"
    )
    options = CollectOptions(workload_files=(workload,), explain_analyze=True, mcv_limit=3)
    with connect(database.dsn) as session:
        return collect(session, options)


def test_server_and_settings(snapshot):
    server = snapshot.server
    assert server.version_num // 10000 == 15 and server.is_superuser
    assert server.setting("track_io_timing").value == "on"
    assert {e.name for e in server.extensions} >= {"pg_stat_statements", "hypopg", "pg_qualstats"}
    assert server.database_size_bytes > 0 and server.started_at is not None


def test_statements_summed_and_ranked(snapshot):
    by_text = {s.query: s for s in snapshot.statements}
    select = by_text["SELECT id FROM ex.orders WHERE market_id = $1 AND status = $2"]
    assert select.calls == 3 and select.rows > 0 and select.toplevel
    assert select.total_exec_ms == pytest.approx(select.mean_exec_ms * 3)
    assert select.min_exec_ms <= select.mean_exec_ms <= select.max_exec_ms and select.jit_ms == 0
    assert select.shared_blks_hit + select.shared_blks_read > 0 and select.wal_records is not None
    times = [s.total_exec_ms for s in snapshot.statements]
    assert times == sorted(times, reverse=True)
    assert snapshot.statements_reset_at is not None and snapshot.statements_deallocations == 0


def test_plans_for_top_statements_and_analyze_for_samples(snapshot):
    generic = {p.query: p for p in snapshot.plans if not p.analyzed}
    assert "SET work_mem = $1" not in generic
    update = generic["UPDATE ex.orders SET price = price WHERE id = $1"]
    assert update.generic and update.root.node_type == "ModifyTable" and update.error is None
    analyzed, select_one = [p for p in snapshot.plans if p.analyzed]
    assert select_one.query == "SELECT 1" and len(snapshot.workload) == 4
    assert analyzed.query.startswith("SELECT * FROM ex.orders WHERE market_id = 5")
    assert any(n.index_name == "orders_open" for n in analyzed.root.walk())
    assert analyzed.execution_ms is not None


def test_tables_with_columns_partitions_and_counters(snapshot):
    orders = snapshot.table("ex", "orders")
    assert [c.name for c in orders.columns] == ["id", "market_id", "status", "price", "email", "created_at"]
    status = orders.columns[2]
    assert status.not_null and status.default == "'open'::text" and status.type == "text"
    assert orders.n_tup_ins == 5000 and orders.n_live_tup == 5000 and orders.n_tup_upd == 3
    assert orders.size_bytes > 0 and orders.total_size_bytes > orders.size_bytes and orders.xid_age > 0
    assert orders.last_analyze is not None and orders.kind == "r"
    fills = snapshot.table("ex", "fills")
    assert fills.kind == "p" and fills.partition_key == "RANGE (at)"
    assert snapshot.table("ex", "fills_2024").parent == "ex.fills"
    assert snapshot.table("ex", "order_counts").kind == "m"


def test_indexes_taken_apart(snapshot):
    indexes = {i.name: i for i in snapshot.indexes_of("ex", "orders")}
    partial = indexes["orders_open"]
    assert partial.columns == ("market_id", "created_at") and partial.include_columns == ("price",)
    assert partial.predicate == "status = 'open'::text" and partial.method == "btree" and partial.is_valid
    assert partial.idx_scan >= 1
    expression = indexes["orders_email"]
    assert expression.columns == (None, "market_id") and expression.expressions == ("lower(email)",)
    primary = indexes["orders_pkey"]
    assert primary.is_primary and primary.is_unique and primary.backs_constraint == "orders_pkey"
    assert primary.size_bytes > 0 and "CREATE UNIQUE INDEX orders_pkey" in primary.definition


def test_constraints_sequences_views(snapshot):
    constraints = {c.name: c for c in snapshot.constraints if c.table == "orders"}
    fk = constraints["orders_market_id_fkey"]
    assert fk.kind == "f" and fk.columns == ("market_id",)
    assert fk.referenced_table == "ex.markets" and fk.referenced_columns == ("id",) and fk.validated
    assert constraints["orders_price_check"].definition == "CHECK (price > 0::numeric)"
    sequences = {s.name: s for s in snapshot.sequences}
    assert sequences["orders_id_seq"].owned_by == "ex.orders.id" and sequences["orders_id_seq"].last_value == 5000
    assert sequences["tickets"].max_value == 32767 and sequences["tickets"].last_value is None
    views = {v.name: v for v in snapshot.views}
    assert "WHERE orders.status = 'open'::text" in views["open_orders"].definition
    assert views["order_counts"].materialized
    (statistics,) = snapshot.extended_statistics
    assert (statistics.schema, statistics.name, statistics.table) == ("ex", "orders_market_status", "orders")
    assert statistics.columns == ("market_id", "status") and set(statistics.kinds) == {"f", "m"}


def test_column_stats_bounded(snapshot):
    status = snapshot.stats_of("ex", "orders", "status")
    assert status.most_common_values == ("filled", "open") and status.most_common_freqs == pytest.approx((0.9, 0.1))
    market = snapshot.stats_of("ex", "orders", "market_id")
    assert len(market.most_common_values) == 3 and market.n_distinct == 20
    assert snapshot.stats_of("ex", "orders", "id").correlation == pytest.approx(1.0)


def test_database_activity_checkpointer_qualstats(snapshot):
    assert snapshot.database.blks_hit > 0 and snapshot.database.xid_age > 0
    assert snapshot.activity.max_connections == 60 and snapshot.activity.total >= 0
    assert snapshot.checkpointer.buffers_backend is not None
    price = next(q for q in snapshot.qualstats if q.column == "price" and q.constant)
    assert price.table == "orders" and price.operator == ">" and price.constant == "10::numeric"
    assert price.executions == 15000 and price.filter_ratio == pytest.approx(0.002)


def test_no_gaps_for_a_superuser_and_no_own_statements(snapshot):
    assert snapshot.gaps == ()
    assert not [s for s in snapshot.statements if s.query.startswith("--")]
    assert [s.text for s in snapshot.workload][1] == "SELECT 1"


def test_snapshot_round_trips_through_json(snapshot, tmp_path):
    path = tmp_path / "snap.json"
    path.write_text(snapshot.to_json())
    assert Snapshot.load(path) == snapshot
    assert snapshot_from(None, path) == snapshot
    with pytest.raises(BadInput, match="both --dsn and --snapshot"):
        snapshot_from("dbname=x", path)


def test_catalog_for_the_query_model(snapshot):
    catalog = catalog_from_snapshot(snapshot)
    assert catalog.tables[QualifiedName("ex", "orders")].columns[:2] == ("id", "market_id")
    assert "status = 'open'" in catalog.views[QualifiedName("ex", "open_orders")]
    assert catalog.search_path == ("public",)


def test_pgtunes_own_planning_and_session_statements_are_not_workload(database):
    database.reset_statements()
    with connect(database.dsn) as session:
        explain(session, "SELECT count(*) FROM ex.orders WHERE market_id = $1")
        HypoPG(session).reset()  # as pgtune calls it: schema-qualified
        session.rows("SELECT count(*) FROM hypopg_list_indexes")  # a user's query on HypoPG is workload
    with connect(database.dsn) as session:
        statements = collect(session, CollectOptions(plans=False)).statements
    texts = [s.query for s in statements]
    assert not [t for t in texts if "pgtune_plan_" in t or '".hypopg_' in t or t.startswith(("SET ", "BEGIN"))]
    assert "SELECT count(*) FROM hypopg_list_indexes" in texts
