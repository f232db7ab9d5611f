"""IX002-IX007 on hand-built snapshots: each rule fires where a DBA would act and stays quiet where not."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pglast import parse_sql

from pgtune.advisors.base import AnalysisFacts, Declined
from pgtune.advisors.index_shapes import index_shape
from pgtune.advisors.indexes import (
    ix002_unused_index,
    ix003_duplicate_index,
    ix004_redundant_index,
    ix005_invalid_index,
    ix006_bloated_index,
    ix007_foreign_key_index,
)
from pgtune.facts import ColumnStats, ConstraintFacts, IndexFacts
from pgtune.findings import FixSafety, Severity
from pgtune.report.units import evidence_text

from .factories import NOW, index, run, snapshot, table, targets

MB = 2**20


# IX002 unused


def test_unused_index_after_a_long_window_is_flagged_with_its_rollback():
    legacy = index("orders_legacy_idx", "USING btree (legacy_ref)", size_bytes=300 * MB)
    (finding,) = run(ix002_unused_index, snapshot(tables=(table(n_tup_ins=5000),), indexes=(legacy,)))
    assert finding.target == "public.orders_legacy_idx"
    assert finding.severity is Severity.WARNING
    assert "30 days" in finding.message and "300.0 MB" in finding.message
    assert "replicas keep their own counters" in finding.message
    assert finding.fix.ddl == "DROP INDEX CONCURRENTLY IF EXISTS public.orders_legacy_idx;"
    assert (
        finding.fix.rollback
        == "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_legacy_idx ON public.orders USING btree (legacy_ref);"
    )
    parse_sql(finding.fix.ddl + finding.fix.rollback)
    assert finding.confidence == "medium"


@pytest.mark.parametrize(
    ("case", "idx", "stats_days", "settings"),
    [
        ("used", index("i", "USING btree (a)", idx_scan=3), 30, {}),
        ("primary key", index("orders_pkey", "USING btree (id)", unique=True, is_primary=True), 30, {}),
        ("unique, only checks constraints", index("client_key", "USING btree (client_order_id)", unique=True), 30, {}),
        ("backs an exclusion constraint", index("no_overlap", "USING gist (during)", backs_constraint="x"), 30, {}),
        ("invalid (IX005's case)", index("i", "USING btree (a)", is_valid=False), 30, {}),
        ("used on a replica", index("i", "USING btree (a)"), 30, {"replica_index_scans": {"public.i": 12}}),
    ],
)
def test_unused_index_is_not_flagged(case, idx, stats_days, settings):
    snap = snapshot(stats_days=stats_days, tables=(table(),), indexes=(idx,))
    assert run(ix002_unused_index, snap, **settings) == [], case


@pytest.mark.parametrize(
    ("stats_days", "settings", "reason"),
    [
        (2, {}, "cover 2.0 day(s), under min_stats_age_days = 7"),
        (30, {"min_stats_age_days": 60}, "under min_stats_age_days = 60"),
        (None, {}, "last reset is unknown"),
    ],
    ids=["young statistics", "young by setting", "window unknown"],
)
def test_unused_index_declines_to_judge_young_statistics_and_says_why(stats_days, settings, reason):
    snap = snapshot(stats_days=stats_days, tables=(table(),), indexes=(index("i", "USING btree (a)"),))
    with pytest.raises(Declined, match=re.escape(reason)):
        run(ix002_unused_index, snap, **settings)


def test_unused_index_that_is_redundant_is_dropped_once_under_ix004():
    narrow = index("narrow", "USING btree (user_id)")
    wide = index("wide", "USING btree (user_id, created_at)", idx_scan=40)
    snap = snapshot(indexes=(narrow, wide))
    assert targets(run(ix002_unused_index, snap)) == []
    assert targets(run(ix004_redundant_index, snap)) == ["public.narrow"]


def _partitioned_fills(scans_on_2027: int):
    parent = table("fills", kind="p")
    year = table("fills_y", kind="p", parent="public.fills")
    leaves = (table("fills_2026", parent="public.fills_y"), table("fills_2027", parent="fills_y"))
    indexes = (
        IndexFacts(
            "public", "fills", "fills_at_idx", "CREATE INDEX fills_at_idx ON ONLY public.fills USING btree (at)"
        ),
        index("fills_2026_at_idx", "USING btree (at)", "fills_2026"),
        index("fills_2027_at_idx", "USING btree (at)", "fills_2027", idx_scan=scans_on_2027),
        index("fills_2027_at_qty_idx", "USING btree (at, qty)", "fills_2027", idx_scan=9),
    )
    return snapshot(tables=(parent, year, *leaves), indexes=indexes)


def test_partitioned_index_is_unused_when_no_partition_scans_its_copies():
    (finding,) = run(ix002_unused_index, _partitioned_fills(scans_on_2027=0))
    assert finding.target == "public.fills_at_idx" and "on any partition" in finding.message
    assert finding.fix.ddl == "DROP INDEX IF EXISTS public.fills_at_idx;"
    assert finding.fix.rollback == "CREATE INDEX fills_at_idx ON public.fills USING btree (at);"
    assert finding.fix.safety is FixSafety.BLOCKING
    assert run(ix002_unused_index, _partitioned_fills(scans_on_2027=3)) == []


def test_partitions_of_a_table_named_with_quotes_count():
    parent = table("Fills", kind="p")
    leaf = table("Fills_2026", parent='public."Fills"')
    indexes = (
        IndexFacts("public", "Fills", "f_at", 'CREATE INDEX f_at ON ONLY public."Fills" USING btree (at)'),
        IndexFacts(
            "public", "Fills_2026", "f26_at", 'CREATE INDEX f26_at ON public."Fills_2026" USING btree (at)', idx_scan=4
        ),
    )
    assert run(ix002_unused_index, snapshot(tables=(parent, leaf), indexes=indexes)) == []


def test_unused_partitioned_index_whose_definition_does_not_parse_is_left_alone():
    snap = snapshot(tables=(table("fills", kind="p"),), indexes=(IndexFacts("public", "fills", "i", "garbage"),))
    assert run(ix002_unused_index, snap) == []


def test_duplicates_on_a_partitioned_table_are_judged_on_the_parent_and_dropped_with_a_lock():
    parent, partition = table(kind="p"), table("orders_2026", parent="public.orders")
    indexes = (
        index("a_idx", "USING btree (user_id)"),
        IndexFacts("public", "orders", "b_idx", "CREATE INDEX b_idx ON ONLY public.orders USING btree (user_id)"),
        index("p1", "USING btree (user_id)", "orders_2026"),
        index("p2", "USING btree (user_id)", "orders_2026"),
        index("p3", "USING btree (user_id, created_at)", "orders_2026"),
    )
    snap = snapshot(tables=(parent, partition), indexes=indexes)
    (finding,) = run(ix003_duplicate_index, snap)
    assert finding.fix.ddl == "DROP INDEX IF EXISTS public.b_idx;"
    assert finding.fix.rollback == "CREATE INDEX b_idx ON public.orders USING btree (user_id);"
    assert finding.fix.safety is FixSafety.BLOCKING
    assert run(ix004_redundant_index, snap) == []


def test_unused_index_counts_replicas_when_asked():
    small = index("i", "USING btree (a)", size_bytes=MB)
    (finding,) = run(ix002_unused_index, snapshot(indexes=(small,)), replica_index_scans={"public.other": 5})
    assert "none on the replicas either" in finding.message
    assert finding.severity is Severity.INFO and finding.confidence == "high"


def test_server_start_stands_in_for_a_missing_reset_time():
    snap = snapshot(stats_days=None, indexes=(index("i", "USING btree (a)"),))
    started = replace(snap, server=replace(snap.server, started_at=NOW.replace(month=10)))
    assert targets(run(ix002_unused_index, started)) == ["public.i"]


# IX003 duplicate and IX004 redundant


def test_exact_duplicate_keeps_the_constraint_index():
    pkey = index("orders_pkey", "USING btree (id)", unique=True, is_primary=True, backs_constraint="orders_pkey")
    copy = index("orders_id_key", "USING btree (id)", unique=True, idx_scan=50)
    (finding,) = run(ix003_duplicate_index, snapshot(indexes=(copy, pkey)))
    assert finding.target == "public.orders_id_key"
    assert "orders_pkey" in finding.help
    assert finding.fix.rollback.startswith("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_id_key")


def test_duplicate_without_constraints_keeps_the_one_used_most():
    a = index("a_idx", "USING btree (user_id) INCLUDE (price)", idx_scan=10)
    b = index("b_idx", "USING btree (user_id) INCLUDE (price)", idx_scan=900)
    assert targets(run(ix003_duplicate_index, snapshot(indexes=(a, b)))) == ["public.a_idx"]


@pytest.mark.parametrize(
    ("case", "other"),
    [
        ("partial", "USING btree (user_id) WHERE (status = 'open'::text)"),
        ("other method", "USING hash (user_id)"),
        ("other opclass", "USING btree (user_id text_pattern_ops)"),
        ("other collation", 'USING btree (user_id COLLATE "C")'),
        ("other order", "USING btree (user_id DESC)"),
        ("other INCLUDE", "USING btree (user_id) INCLUDE (qty)"),
    ],
)
def test_near_duplicates_are_not_duplicates(case, other):
    base = index("base_idx", "USING btree (user_id)")
    assert run(ix003_duplicate_index, snapshot(indexes=(base, index("other_idx", other)))) == [], case


def test_duplicate_backing_constraints_on_both_sides_is_not_proposed():
    pkey = index("t_pkey", "USING btree (id)", unique=True, is_primary=True, backs_constraint="t_pkey")
    key = index("t_id_key", "USING btree (id)", unique=True, backs_constraint="t_id_key")
    assert run(ix003_duplicate_index, snapshot(indexes=(pkey, key))) == []


def test_left_prefix_is_redundant():
    narrow = index("orders_user_id_idx", "USING btree (user_id)", size_bytes=40 * MB)
    wide = index("orders_user_id_created_at_idx", "USING btree (user_id, created_at)")
    (finding,) = run(ix004_redundant_index, snapshot(indexes=(narrow, wide)))
    assert finding.target == "public.orders_user_id_idx"
    assert "orders_user_id_created_at_idx" in finding.message
    assert finding.fix.safety is FixSafety.ONLINE and finding.size_bytes == 40 * MB


@pytest.mark.parametrize(
    ("case", "narrow", "wide"),
    [
        ("not a left prefix", index("n", "USING btree (a)"), index("w", "USING btree (b, a)")),
        ("wider is partial", index("n", "USING btree (a)"), index("w", "USING btree (a, b) WHERE (b > 0)")),
        ("narrow is partial", index("n", "USING btree (a) WHERE (b > 0)"), index("w", "USING btree (a, b)")),
        ("narrow is unique", index("n", "USING btree (a)", unique=True), index("w", "USING btree (a, b)")),
        ("other opclass", index("n", "USING btree (a text_pattern_ops)"), index("w", "USING btree (a, b)")),
        ("narrow INCLUDE not covered", index("n", "USING btree (a) INCLUDE (c)"), index("w", "USING btree (a, b)")),
        ("not a B-tree", index("n", "USING hash (a)"), index("w", "USING btree (a, b)")),
        ("other table", index("n", "USING btree (a)", table_name="trades"), index("w", "USING btree (a, b)")),
        ("wider invalid", index("n", "USING btree (a)"), index("w", "USING btree (a, b)", is_valid=False)),
        ("exact duplicate (IX003)", index("n", "USING btree (a, b)"), index("w", "USING btree (a, b)")),
    ],
)
def test_not_redundant(case, narrow, wide):
    assert run(ix004_redundant_index, snapshot(indexes=(narrow, wide))) == [], case


def test_non_unique_copy_of_a_unique_index_is_redundant():
    unique = index("u", "USING btree (a)", unique=True)
    plain = index("p", "USING btree (a)")
    assert targets(run(ix004_redundant_index, snapshot(indexes=(unique, plain)))) == ["public.p"]


def test_covering_each_other_drops_only_one():
    one = index("one", "USING btree (a) INCLUDE (b, c)")
    two = index("two", "USING btree (a) INCLUDE (c, b)")
    assert targets(run(ix004_redundant_index, snapshot(indexes=(one, two)))) == ["public.two"]


def test_a_definition_that_does_not_parse_is_compared_with_nothing():
    broken = index("broken", "USING btree (a")
    assert index_shape(broken) is None
    assert run(ix004_redundant_index, snapshot(indexes=(broken, index("w", "USING btree (a, b)")))) == []
    assert index_shape(IndexFacts("public", "orders", "v", "SELECT 1")) is None


# IX005 invalid


def test_failed_concurrent_build_is_dropped_and_rebuilt():
    failed = index("orders_client_key", "USING btree (client_order_id)", unique=True, is_valid=False)
    (finding,) = run(ix005_invalid_index, snapshot(indexes=(failed,)))
    assert finding.fix.ddl.splitlines() == [
        "DROP INDEX CONCURRENTLY IF EXISTS public.orders_client_key;",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_client_key ON public.orders "
        "USING btree (client_order_id);",
    ]
    assert finding.fix.rollback == "DROP INDEX CONCURRENTLY IF EXISTS public.orders_client_key;"
    assert "every write still maintains it" in finding.message


def test_invalid_partitioned_index_is_completed_on_its_partitions():
    parent = index("orders_user_id_idx", "USING btree (user_id)", is_valid=False)
    (finding,) = run(ix005_invalid_index, snapshot(tables=(table(kind="p"),), indexes=(parent,)))
    assert finding.fix is None and "ATTACH PARTITION" in finding.help


def test_reindex_leftover_is_only_dropped():
    leftover = index("orders_user_id_idx_ccnew", "USING btree (user_id)", is_valid=False, is_ready=False)
    (finding,) = run(ix005_invalid_index, snapshot(indexes=(leftover, index("ok", "USING btree (a)"))))
    assert finding.fix.ddl == "DROP INDEX CONCURRENTLY IF EXISTS public.orders_user_id_idx_ccnew;"
    assert "maintains" not in finding.message


# IX006 bloat


def _bloat_snapshot(size_bytes: int, **index_fields):
    stats = (ColumnStats("public", "orders", "user_id", avg_width_bytes=8),)
    orders = table(reltuples=1_000_000)
    index_fields.setdefault("columns", ("user_id",))
    idx = index("orders_user_id_idx", "USING btree (user_id)", size_bytes=size_bytes, **index_fields)
    return snapshot(tables=(orders,), column_stats=stats, indexes=(idx,))


def test_expected_size_matches_a_fresh_bigint_btree():
    # 1M bigint keys: PostgreSQL builds about 21.4 MB (2,745 leaf pages at 90 % fill).
    snap = _bloat_snapshot(0)
    expected = ix006_bloated_index.expected_size_bytes(snap.indexes[0], AnalysisFacts(snap))
    assert 20 * MB < expected < 23 * MB


def test_bloated_index_is_reindexed_concurrently():
    (finding,) = run(ix006_bloated_index, _bloat_snapshot(200 * MB))
    assert finding.fix.ddl == "REINDEX INDEX CONCURRENTLY public.orders_user_id_idx;"
    assert finding.fix.rollback is None
    assert "pgstattuple" in next(evidence_text(e) for e in finding.evidence if e.label == "method")
    assert 170 * MB < finding.size_bytes < 185 * MB


@pytest.mark.parametrize(
    ("case", "snap"),
    [
        ("healthy after random inserts", _bloat_snapshot(30 * MB)),
        ("partial", _bloat_snapshot(200 * MB, predicate="status = 'open'")),
        ("not a B-tree", _bloat_snapshot(200 * MB, method="gin")),
        ("expression key", _bloat_snapshot(200 * MB, columns=(None,), expressions=("lower(x)",))),
        ("no statistics", snapshot(tables=(table(reltuples=1e6),), indexes=(index("i", "(a)", columns=("a",)),))),
        ("never analyzed", snapshot(tables=(table(reltuples=-1),), indexes=(index("i", "(a)", columns=("a",)),))),
    ],
)
def test_not_bloated(case, snap):
    assert run(ix006_bloated_index, snap) == [], case


def test_small_wasted_space_is_not_worth_a_rebuild():
    stats = (ColumnStats("public", "orders", "user_id", avg_width_bytes=8),)
    idx = index("i", "(user_id)", columns=("user_id",), size_bytes=5 * MB)
    snap = snapshot(
        tables=(table(reltuples=10_000),), column_stats=stats, indexes=(idx,), settings={"block_size": "8192"}
    )
    assert run(ix006_bloated_index, snap) == []


# IX007 foreign keys


def _fk(columns=("order_id",)):
    return ConstraintFacts(
        "public",
        "trades",
        "trades_order_id_fkey",
        "f",
        columns,
        "FOREIGN KEY (order_id) REFERENCES orders(id)",
        referenced_table="public.orders",
        referenced_columns=("id",),
    )


def test_foreign_key_without_index_gets_one():
    trades = table("trades", ("id", "order_id"), reltuples=2_000_000, size_bytes=300 * MB)
    pkey = ConstraintFacts("public", "trades", "trades_pkey", "p", ("id",))
    (finding,) = run(ix007_foreign_key_index, snapshot(tables=(trades,), constraints=(pkey, _fk())))
    assert finding.fix.ddl == "CREATE INDEX CONCURRENTLY IF NOT EXISTS trades_order_id_idx ON public.trades (order_id);"
    assert finding.fix.rollback == "DROP INDEX CONCURRENTLY IF EXISTS public.trades_order_id_idx;"
    assert finding.severity is Severity.WARNING and "2,000,000 rows" in finding.message


@pytest.mark.parametrize(
    ("case", "columns", "existing", "flagged"),
    [
        ("leading column", ("order_id",), ("order_id", "created_at"), False),
        ("any order of the key", ("a", "b"), ("b", "a", "c"), False),
        ("second column only", ("order_id",), ("created_at", "order_id"), True),
        ("partial prefix", ("a", "b"), ("a",), True),
    ],
)
def test_foreign_key_support_is_a_left_prefix(case, columns, existing, flagged):
    idx = index("t_idx", "(x)", table_name="trades", columns=existing)
    findings = run(
        ix007_foreign_key_index, snapshot(tables=(table("trades"),), constraints=(_fk(columns),), indexes=(idx,))
    )
    assert bool(findings) is flagged, case


def test_partial_or_invalid_index_does_not_support_a_foreign_key():
    partial = index("p", "(order_id)", table_name="trades", columns=("order_id",), predicate="qty > 0")
    invalid = index("v", "(order_id)", table_name="trades", columns=("order_id",), is_valid=False)
    (finding,) = run(ix007_foreign_key_index, snapshot(constraints=(_fk(),), indexes=(partial, invalid)))
    assert finding.severity is Severity.INFO


def test_partitioned_referencing_table_cannot_index_concurrently():
    trades = table("trades", kind="p")
    (finding,) = run(ix007_foreign_key_index, snapshot(tables=(trades,), constraints=(_fk(),)))
    assert finding.fix.ddl == "CREATE INDEX IF NOT EXISTS trades_order_id_idx ON public.trades (order_id);"
    assert finding.fix.rollback == "DROP INDEX IF EXISTS public.trades_order_id_idx;"
    assert finding.fix.safety is FixSafety.BLOCKING and "ATTACH" in finding.fix.note
