"""MT001-MT007 on hand-built snapshots: each rule fires where a DBA would act and stays quiet where not."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from pglast import parse_sql

from pgtune.advisors.autovacuum import table_setting
from pgtune.advisors.maintenance import (
    mt001_dead_tuples,
    mt002_wraparound,
    mt003_sequence_limit,
    mt004_missing_primary_key,
    mt005_sequential_scans,
    mt006_extended_statistics,
    mt007_stale_statistics,
)
from pgtune.facts import (
    ColumnStats,
    ConstraintFacts,
    DatabaseStats,
    ExtendedStatistics,
    PlanNode,
    SequenceFacts,
    StatementPlan,
    StatementStats,
    TableFacts,
)
from pgtune.findings import FixSafety, Severity
from pgtune.query.model import QualifiedName, StatementKind, StatementShape, TableAccess
from pgtune.report.units import evidence_text
from pgtune.whatif.workload import WorkloadStatement

from .factories import NOW, index, run, snapshot, table, targets

MB = 2**20


# MT001 dead tuples


def test_hot_table_gets_its_own_autovacuum_settings():
    orders = table(reltuples=40e6, n_live_tup=40_000_000, n_dead_tup=12_000_000, n_tup_upd=80_000_000)
    (finding,) = run(mt001_dead_tuples, snapshot(tables=(orders,)))
    assert finding.severity is Severity.CRITICAL
    assert "12,000,000 dead rows (23 % of its rows" in finding.message
    assert "starts at 8,000,050 (scale factor 0.2) and is behind" in finding.message
    assert finding.fix.ddl == (
        "ALTER TABLE public.orders SET (autovacuum_vacuum_scale_factor = 0.005, autovacuum_vacuum_cost_limit = 1000);"
    )
    assert finding.fix.rollback == (
        "ALTER TABLE public.orders RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_cost_limit);"
    )
    parse_sql(finding.fix.ddl + finding.fix.rollback)


def test_rollback_restores_options_the_table_already_had():
    orders = table(
        reltuples=2e6,
        n_live_tup=2_000_000,
        n_dead_tup=300_000,
        reloptions=("autovacuum_vacuum_scale_factor=0.1", "fillfactor=90"),
        last_autovacuum=NOW - timedelta(days=3),
    )
    (finding,) = run(mt001_dead_tuples, snapshot(tables=(orders,), settings={"autovacuum_vacuum_cost_limit": "2000"}))
    assert finding.severity is Severity.WARNING and "is behind" in finding.message
    assert finding.fix.ddl == "ALTER TABLE public.orders SET (autovacuum_vacuum_scale_factor = 0.05);"
    assert finding.fix.rollback == "ALTER TABLE public.orders SET (autovacuum_vacuum_scale_factor = 0.1);"
    assert any(evidence_text(e) == "3 days ago" for e in finding.evidence)


def test_disabled_autovacuum_is_switched_back_on():
    queue = table(
        "queue", reltuples=100_000, n_live_tup=50_000, n_dead_tup=60_000, reloptions=("autovacuum_enabled=false",)
    )
    (finding,) = run(mt001_dead_tuples, snapshot(tables=(queue,)))
    assert finding.severity is Severity.CRITICAL and "autovacuum is off" in finding.message
    assert "autovacuum_enabled = on" in finding.fix.ddl
    assert "RESET (autovacuum_enabled" not in finding.fix.rollback
    assert finding.fix.rollback.startswith("ALTER TABLE public.queue SET (autovacuum_enabled = false);")


def test_autovacuum_off_on_the_server_is_switched_on_there():
    orders = table(reltuples=100_000, n_live_tup=50_000, n_dead_tup=60_000)
    (finding,) = run(mt001_dead_tuples, snapshot(tables=(orders,), settings={"autovacuum": "off"}))
    assert "autovacuum is off on the server" in finding.message
    assert finding.help.startswith("switch autovacuum on in postgresql.conf")
    assert "autovacuum_enabled" not in finding.fix.ddl


def test_already_tight_settings_point_at_what_holds_vacuum_back():
    tuned = table(
        reltuples=100_000,
        n_live_tup=100_000,
        n_dead_tup=20_000,
        reloptions=("autovacuum_vacuum_scale_factor=0.01", "autovacuum_vacuum_cost_limit=2000"),
    )
    (finding,) = run(mt001_dead_tuples, snapshot(tables=(tuned,)))
    assert finding.fix is None and "long transactions" in finding.help


@pytest.mark.parametrize(
    ("case", "orders"),
    [
        ("few dead rows", table(n_live_tup=1000, n_dead_tup=900)),
        ("small share", table(reltuples=10e6, n_live_tup=10_000_000, n_dead_tup=500_000)),
        ("empty", table()),
    ],
)
def test_dead_tuples_not_flagged(case, orders):
    assert run(mt001_dead_tuples, snapshot(tables=(orders,))) == [], case


@pytest.mark.parametrize(
    ("settings", "options", "starts_at"),
    [
        ({}, (), "1,000,000,050"),  # before 18: no cap
        ({"autovacuum_vacuum_max_threshold": "100000000"}, (), "100,000,000"),  # 18's default
        ({"autovacuum_vacuum_max_threshold": "-1"}, (), "1,000,000,050"),
        ({"autovacuum_vacuum_max_threshold": "100000000"}, ("autovacuum_vacuum_max_threshold=5000000",), "5,000,000"),
        ({"autovacuum_vacuum_max_threshold": "odd"}, (), "1,000,000,050"),
    ],
)
def test_autovacuum_threshold_is_capped_from_18(settings, options, starts_at):
    """A 5-billion-row table: 0.2 × rows would wait for a billion dead rows; 18 caps the wait."""
    trades = table("trades", reltuples=5e9, n_live_tup=5_000_000_000, n_dead_tup=600_000_000, reloptions=options)
    (finding,) = run(mt001_dead_tuples, snapshot(tables=(trades,), settings=settings))
    assert f"starts at {starts_at} (scale factor 0.2)" in finding.message


def test_unreadable_settings_fall_back_to_the_defaults():
    odd = table(reloptions=("autovacuum_vacuum_scale_factor=abc",))
    snap = snapshot(settings={"autovacuum_vacuum_threshold": "lots"})
    assert table_setting(odd, snap.server, "autovacuum_vacuum_scale_factor") == 0.2
    assert table_setting(odd, snap.server, "autovacuum_vacuum_threshold") == 50


# MT002 mt002_wraparound


def test_wraparound_ages_per_table_and_counter():
    tables = (
        table("trades", xid_age=1_600_000_000),
        table("orders", xid_age=600_000_000, mxid_age=700_000_000),
        table("users", xid_age=150_000_000),
    )
    findings = run(mt002_wraparound, snapshot(tables=tables, database=DatabaseStats("exchange", xid_age=1_600_000_000)))
    assert [(f.target, f.severity) for f in findings] == [
        ("public.trades", Severity.CRITICAL),
        ("public.orders", Severity.WARNING),
        ("public.orders", Severity.WARNING),
    ]
    critical, warning, multixact = findings
    assert critical.fix.ddl == "VACUUM (FREEZE, INDEX_CLEANUP OFF, VERBOSE) public.trades;"
    assert warning.fix.ddl == "VACUUM (FREEZE, VERBOSE) public.orders;"
    assert "multixact ID age of 700,000,000" in multixact.message
    assert "transaction ID age of 1,600,000,000" in critical.message


def test_wraparound_threshold_follows_a_raised_freeze_age():
    orders = table(xid_age=900_000_000)
    assert run(mt002_wraparound, snapshot(tables=(orders,))) != []
    assert run(mt002_wraparound, snapshot(tables=(orders,), settings={"autovacuum_freeze_max_age": "1000000000"})) == []


def test_database_age_without_a_table_to_blame():
    (finding,) = run(mt002_wraparound, snapshot(database=DatabaseStats("exchange", mxid_age=800_000_000)))
    assert finding.target == "database exchange"
    assert finding.fix.ddl == "VACUUM (FREEZE, VERBOSE);"


# MT003 sequences and integer keys


def _trades(id_type: str, seq_type: str, last: int, seq_max: int | None = None, **extra):
    trades = table("trades", ("id", "price"), types={"id": id_type})
    seq = SequenceFacts(
        "public",
        "trades_id_seq",
        seq_type,
        last,
        seq_max or mt003_sequence_limit.TYPE_MAX[seq_type],
        owned_by="public.trades.id",
    )
    return snapshot(
        tables=(trades, *extra.get("tables", ())), sequences=(seq,), constraints=extra.get("constraints", ())
    )


@pytest.mark.parametrize(
    ("used", "severity"),
    [(0.10, None), (0.49, None), (0.51, Severity.WARNING), (0.8, Severity.WARNING), (0.95, Severity.CRITICAL)],
)
def test_sequence_share_used(used, severity):
    findings = run(mt003_sequence_limit, _trades("integer", "integer", int(used * (2**31 - 1))))
    assert [f.severity for f in findings] == ([severity] if severity else [])


def test_int4_column_behind_a_bigint_sequence_is_the_limit():
    fills = table("fills", ("trade_id",), types={"trade_id": "integer"})
    fk = ConstraintFacts(
        "public", "fills", "fills_trade_id_fkey", "f", ("trade_id",), "", True, "public.trades", ("id",)
    )
    (finding,) = run(
        mt003_sequence_limit, _trades("integer", "bigint", 1_900_000_000, tables=(fills,), constraints=(fk,))
    )
    assert "the integer column is the limit, not the bigint sequence" in finding.message
    assert finding.fix.ddl.splitlines() == [
        "ALTER TABLE public.trades ALTER COLUMN id TYPE bigint;",
        "ALTER TABLE public.fills ALTER COLUMN trade_id TYPE bigint;",
    ]
    assert finding.fix.safety is FixSafety.BLOCKING and "rewrites the table" in finding.fix.note
    assert "ALTER COLUMN trade_id TYPE integer" in finding.fix.rollback.splitlines()[0]


def test_bigint_referencing_column_is_left_alone():
    fills = table("fills", ("trade_id",))
    fk = ConstraintFacts("public", "fills", "fk", "f", ("trade_id",), "", True, "trades", ("id",))
    pkey = ConstraintFacts("public", "trades", "trades_pkey", "p", ("id",))
    snap = _trades("integer", "integer", 2_000_000_000, tables=(fills,), constraints=(pkey, fk))
    (finding,) = run(mt003_sequence_limit, snap)
    assert finding.fix.ddl.splitlines() == [
        "ALTER SEQUENCE public.trades_id_seq AS bigint;",
        "ALTER TABLE public.trades ALTER COLUMN id TYPE bigint;",
    ]
    assert finding.fix.rollback.splitlines()[-1] == "ALTER SEQUENCE public.trades_id_seq AS integer;"


def test_bigint_key_is_not_at_risk_and_a_lowered_maximum_has_no_fix():
    assert run(mt003_sequence_limit, _trades("bigint", "bigint", 2_000_000_000)) == []
    (finding,) = run(mt003_sequence_limit, _trades("bigint", "bigint", 900, seq_max=1000))
    assert finding.fix is None and "MAXVALUE" in finding.help


def test_owner_and_referencing_tables_named_with_quotes():
    trades = table("Trades", ("id",), types={"id": "integer"})
    fills = table("Fills", ("trade_id",), types={"trade_id": "integer"})
    fk = ConstraintFacts("public", "Fills", "fk", "f", ("trade_id",), "", True, 'public."Trades"', ("id",))
    seq = SequenceFacts("public", "Trades_id_seq", "bigint", 2_000_000_000, 2**63 - 1, 'public."Trades".id')
    (finding,) = run(mt003_sequence_limit, snapshot(tables=(trades, fills), sequences=(seq,), constraints=(fk,)))
    assert finding.fix.ddl.splitlines() == [
        'ALTER TABLE public."Trades" ALTER COLUMN id TYPE bigint;',
        'ALTER TABLE public."Fills" ALTER COLUMN trade_id TYPE bigint;',
    ]


def test_sequence_without_owner_or_values():
    free = SequenceFacts("public", "ticket_seq", "integer", 2_000_000_000, 2**31 - 1)
    unused = SequenceFacts("public", "fresh_seq", "integer", None, 2**31 - 1, owned_by="public.gone.id")
    (finding,) = run(mt003_sequence_limit, snapshot(sequences=(free, unused)))
    assert finding.fix.ddl == "ALTER SEQUENCE public.ticket_seq AS bigint;"
    assert finding.fix.safety is FixSafety.BRIEF_LOCK


# MT004 primary keys


def test_table_without_primary_key():
    fills = table("fills", ("order_id", "qty"), reltuples=-1, n_live_tup=5000, n_tup_upd=10)
    (finding,) = run(mt004_missing_primary_key, snapshot(tables=(fills,)))
    assert finding.severity is Severity.WARNING and finding.fix is None
    assert "5,000 rows" in finding.message


def test_unique_not_null_index_is_promoted():
    fills = table("fills", ("fill_id", "qty"), not_null=("fill_id",))
    nullable = index("fills_qty_key", "USING btree (qty)", "fills", unique=True, columns=("qty",))
    key = index("fills_fill_id_key", "USING btree (fill_id)", "fills", unique=True, columns=("fill_id",))
    (finding,) = run(mt004_missing_primary_key, snapshot(tables=(fills,), indexes=(nullable, key)))
    assert finding.severity is Severity.INFO
    assert (
        finding.fix.ddl
        == "ALTER TABLE public.fills ADD CONSTRAINT fills_pkey PRIMARY KEY USING INDEX fills_fill_id_key;"
    )
    assert finding.fix.rollback.splitlines() == [
        "ALTER TABLE public.fills DROP CONSTRAINT fills_pkey;",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS fills_fill_id_key ON public.fills USING btree (fill_id);",
    ]


@pytest.mark.parametrize(
    ("case", "tbl"),
    [
        ("partition", table("fills_2026", parent="public.fills")),
        ("view-like", table("v", kind="v")),
        ("timescale internal", TableFacts("_timescaledb_internal", "_hyper_1_1_chunk")),
        ("has one", table("orders")),
    ],
)
def test_primary_key_not_asked(case, tbl):
    pkey = ConstraintFacts("public", "orders", "orders_pkey", "p", ("id",))
    assert run(mt004_missing_primary_key, snapshot(tables=(tbl,), constraints=(pkey,))) == [], case


# MT005 sequential scans


def _scanned(**fields):
    fields = {"reltuples": 10e6, "size_bytes": 2 * 2**30, "seq_scan": 3000, "seq_tup_read": 3000 * 10_000_000, **fields}
    return table("trades", **fields)


def _reads(table_name: str, text: str, calls_per_day: float) -> WorkloadStatement:
    access = TableAccess(QualifiedName("public", table_name))
    shape = StatementShape(text, StatementKind.SELECT, text, tables=(access,))
    return WorkloadStatement(text, text, shape, calls_per_day, 800.0, 1, text, int(calls_per_day * 30))


def test_full_scans_of_a_large_table_are_flagged_with_their_statements():
    workload = (
        _reads("trades", "SELECT sum(qty) FROM trades", 10),
        _reads("trades", "SELECT * FROM trades WHERE lower(symbol) = $1", 90),
        _reads("orders", "SELECT * FROM orders", 1000),
    )
    (finding,) = run(mt005_sequential_scans, snapshot(tables=(_scanned(),)), workload)
    assert finding.severity is Severity.WARNING and "100 times a day" in finding.message
    assert [s.text for s in finding.statements] == [
        "SELECT * FROM trades WHERE lower(symbol) = $1",
        "SELECT sum(qty) FROM trades",
    ]


@pytest.mark.parametrize(
    ("case", "trades", "stats_days"),
    [
        ("small table", _scanned(size_bytes=10 * MB), 30),
        ("few scans", _scanned(seq_scan=10, seq_tup_read=10 * 10_000_000), 30),
        ("scans that stop early", _scanned(seq_tup_read=3000 * 100), 30),
        ("less than daily", _scanned(seq_scan=60, seq_tup_read=60 * 10_000_000), 90),
    ],
)
def test_sequential_scans_that_do_not_matter(case, trades, stats_days):
    assert run(mt005_sequential_scans, snapshot(stats_days, tables=(trades,))) == [], case


def test_sequential_scans_without_a_window_count_raw_scans():
    (finding,) = run(
        mt005_sequential_scans, snapshot(None, database=None, tables=(_scanned(seq_scan=80, seq_tup_read=80e7),))
    )
    assert "80 times" in finding.message and finding.severity is Severity.WARNING


# MT006 extended statistics


def _plan(estimated: float, actual: float, condition: str, relation: str = "orders", **node) -> StatementPlan:
    scan = PlanNode(
        "Seq Scan",
        0,
        100,
        estimated,
        relation=relation,
        schema="public",
        filter=condition,
        actual_rows=actual,
        actual_loops=1,
        **node,
    )
    return StatementPlan(
        7, "SELECT * FROM orders WHERE market_id = $1 AND symbol = $2", False, True, scan, execution_ms=42.0
    )


ORDERS = table("orders", ("id", "market_id", "symbol", "status"))
CORRELATED = "((o.market_id = 7) AND (symbol = 'BTC-USDT'::text))"


def test_misestimate_on_two_columns_creates_statistics():
    stats = StatementStats(7, "SELECT ...", calls=1200, total_exec_ms=50_000, mean_exec_ms=41.7)
    snap = snapshot(
        tables=(ORDERS,), plans=(_plan(3, 41_200, CORRELATED), _plan(5, 20_000, CORRELATED)), statements=(stats,)
    )
    (finding,) = run(mt006_extended_statistics, snap)
    assert "13733× off" in finding.message and "in 1 statement(s)" in finding.message
    assert finding.fix.ddl.splitlines() == [
        "CREATE STATISTICS IF NOT EXISTS public.orders_market_id_symbol_stats (dependencies, ndistinct, mcv)",
        "    ON market_id, symbol FROM public.orders;",
        "ANALYZE public.orders;",
    ]
    assert finding.fix.rollback == "DROP STATISTICS IF EXISTS public.orders_market_id_symbol_stats;"
    parse_sql(finding.fix.ddl + finding.fix.rollback)
    assert finding.statements[0].calls == 1200


def test_bitmap_scans_take_their_conditions_from_the_index_scans_below():
    inner = PlanNode("Bitmap Index Scan", 0, 10, 3, index_name="i", index_cond="(market_id = 7)")
    heap = PlanNode(
        "Bitmap Heap Scan",
        0,
        100,
        3,
        relation="orders",
        schema="public",
        filter="(status = 'open'::text)",
        actual_rows=900,
        children=(inner,),
    )
    plan = StatementPlan(1, "SELECT ...", False, True, heap)
    (finding,) = run(mt006_extended_statistics, snapshot(tables=(ORDERS,), plans=(plan,)))
    assert "market_id, status" in finding.message


@pytest.mark.parametrize(
    ("case", "plan"),
    [
        ("close estimate", _plan(4000, 5000, CORRELATED)),
        ("one column", _plan(3, 40_000, "(market_id = 7)")),
        ("tiny counts", _plan(1, 50, CORRELATED)),
        ("not analyzed", StatementPlan(1, "q", True, False, PlanNode("Seq Scan", 0, 1, 1, relation="orders"))),
        ("unparseable", _plan(3, 41_200, "(hashed SubPlan 1)")),
        ("plan failed", StatementPlan(1, "q", False, True, None, error="boom")),
    ],
)
def test_no_statistics_proposed(case, plan):
    assert run(mt006_extended_statistics, snapshot(tables=(ORDERS,), plans=(plan,))) == [], case


def test_schema_comes_from_the_one_table_of_that_name():
    plan = _plan(3, 41_200, CORRELATED)
    plan = dataclasses.replace(plan, root=dataclasses.replace(plan.root, schema=None))
    exchange = dataclasses.replace(ORDERS, schema="exchange")
    (finding,) = run(mt006_extended_statistics, snapshot(tables=(exchange,), plans=(plan,)))
    assert finding.target == "exchange.orders"
    assert run(mt006_extended_statistics, snapshot(tables=(exchange, ORDERS), plans=(plan,))) == [], "ambiguous"
    (finding,) = run(mt006_extended_statistics, snapshot(plans=(plan,)))
    assert finding.target == "public.orders"


def test_existing_statistics_are_not_proposed_again():
    existing = ExtendedStatistics("public", "s", "public", "orders", ("market_id", "symbol", "status"), ("d", "f"))
    snap = snapshot(tables=(ORDERS,), plans=(_plan(3, 41_200, CORRELATED),), extended_statistics=(existing,))
    assert run(mt006_extended_statistics, snap) == []


# MT007 stale statistics


def test_never_analyzed_table():
    loaded = table("trades", reltuples=-1, n_live_tup=2_000_000, n_mod_since_analyze=2_000_000)
    (finding,) = run(mt007_stale_statistics, snapshot(tables=(loaded,)))
    assert "never been analyzed" in finding.message
    assert finding.fix.ddl == "ANALYZE public.trades;" and finding.fix.rollback is None


def test_partitioned_parent_is_never_analyzed_by_autovacuum():
    parent = table("trades", kind="p", reltuples=5e6)
    (finding,) = run(mt007_stale_statistics, snapshot(tables=(parent,)))
    assert "autovacuum never analyzes a partitioned table" in finding.message


def test_statistics_behind_the_changes():
    orders = table(reltuples=1e6, n_mod_since_analyze=400_000, last_autoanalyze=NOW - timedelta(hours=5))
    (finding,) = run(mt007_stale_statistics, snapshot(tables=(orders,)))
    assert "changed 400,000 rows" in finding.message and "100,050" in finding.message
    assert any(evidence_text(e) == "5.0 hours ago" for e in finding.evidence)


@pytest.mark.parametrize(
    ("case", "orders", "stats"),
    [
        ("recently analyzed", table(reltuples=1e6, n_mod_since_analyze=50_000, last_autoanalyze=NOW), ()),
        ("empty and never analyzed", table(), ()),
        (
            "statistics exist though timestamps were reset",
            table(reltuples=1e6),
            (ColumnStats("public", "orders", "id"),),
        ),
        ("a view", table(kind="v", reltuples=10), ()),
    ],
)
def test_statistics_not_stale(case, orders, stats):
    assert run(mt007_stale_statistics, snapshot(tables=(orders,), column_stats=stats)) == [], case


def test_targets_helper_reads_findings():
    assert targets(run(mt007_stale_statistics, snapshot(tables=(table("t", reltuples=10),)))) == ["public.t"]
