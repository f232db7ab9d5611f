"""PT008 on hand-made hypertables (table-driven) and on the TimescaleDB 2.28.3 recording."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pytest
from pglast import parse_sql

from pgtune.advisors import ANALYSIS_ADVISORS
from pgtune.advisors.base import AnalysisFacts
from pgtune.advisors.partitioning import pt007_continuous_aggregates, pt008_hypertable_indexes
from pgtune.facts import ColumnStats, Hypertable, IndexFacts, ServerFacts, Snapshot, TimescaleFacts
from pgtune.report.units import evidence_text

from .recording import recorded_snapshot, recorded_workload
from .shapes import statement

TRADES = Hypertable("public", "trades", "executed_at", "timestamp with time zone", "1 day")


def index(name: str, *columns: str, desc: bool = False, **flags) -> IndexFacts:
    keys = ", ".join(c or "lower(taker_side)" for c in columns) + (" DESC" if desc else "")
    return IndexFacts(
        "public",
        flags.pop("table", "trades"),
        name,
        f"CREATE {'UNIQUE ' if flags.get('is_unique') else ''}INDEX {name} ON public.trades USING btree ({keys})",
        columns=columns,
        **flags,
    )


DEFAULT = index("trades_executed_at_idx", "executed_at", desc=True)
COMPOSITE = index("trades_market_id_executed_at_idx", "market_id", "executed_at", desc=True)
BY_SIDE = index("trades_taker_side_idx", "taker_side", size_bytes=16_384)
PKEY = index("trades_pkey", "id", "executed_at", is_unique=True, is_primary=True, backs_constraint="trades_pkey")
LATEST = (
    "SELECT * FROM trades WHERE market_id = $1 AND executed_at > now() - interval '1 day' ORDER BY executed_at DESC"
)
NEWEST = "SELECT * FROM trades WHERE market_id = $1 ORDER BY executed_at DESC LIMIT 10"
VWAP = "SELECT market_id, sum(qty) FROM trades WHERE executed_at > now() - interval '1 day' GROUP BY market_id"
BY_ID = "SELECT * FROM trades WHERE id = $1"
SIDES = "SELECT count(*) FROM trades WHERE taker_side = $1 AND executed_at > now() - interval '1 hour'"
SIDE_COUNT = "SELECT count(*) FROM trades WHERE taker_side = $1"
INSERT = "INSERT INTO trades (market_id, price, qty, executed_at) VALUES ($1, $2, $3, now())"


def facts(indexes, texts, stats=(), hypertables=(TRADES,)) -> AnalysisFacts:
    snapshot = Snapshot(
        server=ServerFacts(150000, "15.0", "exchange", "postgres"),
        collected_at=datetime(2026, 11, 26, tzinfo=timezone.utc),
        indexes=tuple(indexes),
        column_stats=tuple(stats),
        timescaledb=TimescaleFacts("2.28.3", hypertables=hypertables),
    )
    return AnalysisFacts(snapshot, tuple(statement(t) for t in texts))


def found(facts: AnalysisFacts) -> list[tuple[str, str | None]]:
    return [(f.kind, f.target) for f in pt008_hypertable_indexes.check(facts)]


@pytest.mark.parametrize(
    ("indexes", "texts", "expected"),
    [
        # the index nothing reads by is dropped; the used ones, the primary key and the default time index stay
        ((DEFAULT, COMPOSITE, BY_SIDE, PKEY), (LATEST, VWAP), [("drop-index", "public.trades_taker_side_idx")]),
        ((DEFAULT, COMPOSITE, BY_SIDE), (LATEST, SIDE_COUNT), []),
        ((DEFAULT, COMPOSITE, PKEY), (NEWEST, VWAP), []),
        # the default time index goes when nothing reads by time
        ((DEFAULT, PKEY), (BY_ID,), [("drop-index", "public.trades_executed_at_idx")]),
        # a time index under another name is judged like any other
        ((index("by_time", "executed_at"),), (LATEST,), [("create-index", "public.trades")]),
        # no index collected at all (the default time index is always there): nothing proposed blind
        ((), (LATEST, NEWEST), []),
        # no reads: nothing to judge the indexes by
        ((BY_SIDE,), (INSERT,), []),
        ((BY_SIDE,), (), []),
        # an expression index is left alone
        ((index("trades_lower_idx", None),), (VWAP,), []),
        # the composite is proposed only when missing, for reads by time as a range or as ORDER BY
        ((DEFAULT,), (LATEST,), [("create-index", "public.trades")]),
        ((DEFAULT,), (NEWEST,), [("create-index", "public.trades")]),
        ((DEFAULT, COMPOSITE), (LATEST, NEWEST), []),
        # a partial index does not serve every statement
        (
            (DEFAULT, dataclasses.replace(COMPOSITE, predicate="(market_id < 5)")),
            (LATEST,),
            [("create-index", "public.trades")],
        ),
        # equality without time, or time without equality, needs no composite
        ((DEFAULT,), (BY_ID, VWAP), []),
    ],
)
def test_what_pt008_flags(indexes, texts, expected):
    assert found(facts(indexes, texts)) == expected


def test_the_drop_finding_says_the_size_is_unknown_and_rolls_back_to_the_definition():
    (finding,) = pt008_hypertable_indexes.check(facts((DEFAULT, COMPOSITE, BY_SIDE), (LATEST,)))
    assert finding.message == (
        "public.trades_taker_side_idx on hypertable public.trades leads with taker_side, which none of the "
        "1 statement reading it filters, joins or sorts by"
    )
    evidence = {e.label: evidence_text(e) for e in finding.evidence}
    assert evidence["size"].startswith("16,384 bytes on the parent; its size across the chunks was not collected")
    assert finding.fix.ddl == "DROP INDEX IF EXISTS public.trades_taker_side_idx;\n"
    assert finding.fix.rollback == BY_SIDE.definition + ";\n"
    assert "CONCURRENTLY" not in finding.fix.ddl + finding.fix.rollback
    assert "check that the server accepts it" in finding.fix.note


def test_the_composite_follows_timescaledb_and_names_the_option_to_check():
    (finding,) = pt008_hypertable_indexes.check(facts((DEFAULT,), (LATEST, NEWEST, VWAP)))
    assert finding.fix.ddl == (
        "CREATE INDEX trades_market_id_executed_at_idx ON public.trades (market_id, executed_at DESC);\n"
    )
    assert finding.fix.rollback == "DROP INDEX IF EXISTS public.trades_market_id_executed_at_idx;\n"
    assert finding.message.startswith("2 statements filter hypertable public.trades by market_id =")
    assert "WITH (timescaledb.transaction_per_chunk)" in finding.help
    assert finding.confidence == "low"
    assert [s.text for s in finding.statements] == [LATEST, NEWEST]
    parse_sql(finding.fix.ddl + finding.fix.rollback)


@pytest.mark.parametrize(("n_distinct", "proposed"), [(2.0, False), (20.0, True), (-0.1, True), (0.0, True)])
def test_columns_with_a_handful_of_values_get_no_composite(n_distinct, proposed):
    stats = (ColumnStats("public", "trades", "taker_side", n_distinct=n_distinct),)
    findings = list(pt008_hypertable_indexes.check(facts((DEFAULT,), (SIDES,), stats)))
    assert bool(findings) == proposed
    if findings:
        assert findings[0].confidence == "medium"


def test_hypertables_in_timescaledb_schemas_and_plain_snapshots_are_skipped():
    internal = dataclasses.replace(TRADES, schema="_timescaledb_internal")
    assert found(facts((BY_SIDE,), (LATEST,), hypertables=(internal,))) == []
    plain = dataclasses.replace(facts((BY_SIDE,), (LATEST,)).snapshot, timescaledb=None)
    assert list(pt008_hypertable_indexes.check(AnalysisFacts(plain, ()))) == []


def test_registered_after_pt007_with_examples_that_parse():
    assert ANALYSIS_ADVISORS.index(pt008_hypertable_indexes) == ANALYSIS_ADVISORS.index(pt007_continuous_aggregates) + 1
    rule = pt008_hypertable_indexes.RULE
    parse_sql(rule.bad_example)
    parse_sql(rule.good_example)


def recorded_index(table: str, name: str, columns: tuple[str, ...], keys: str, where: str | None = None):
    definition = f"CREATE INDEX {name} ON public.{table} USING btree ({keys})" + (f" WHERE {where}" if where else "")
    return IndexFacts("public", table, name, definition, columns=columns, predicate=where, size_bytes=8192)


HYPERTABLE_INDEXES = (
    recorded_index("trades", "trades_executed_at_idx", ("executed_at",), "executed_at DESC"),
    recorded_index(
        "trades", "trades_market_id_executed_at_idx", ("market_id", "executed_at"), "market_id, executed_at DESC"
    ),
    recorded_index("orders", "orders_created_at_idx", ("created_at",), "created_at DESC"),
    recorded_index(
        "orders", "orders_account_id_created_at_idx", ("account_id", "created_at"), "account_id, created_at DESC"
    ),
    recorded_index("orders", "orders_open_idx", ("market_id", "price"), "market_id, price", "(status = 'open'::text)"),
    recorded_index("funding_rates", "funding_rates_ts_idx", ("ts",), "ts DESC"),
    recorded_index("funding_rates", "funding_rates_market_id_ts_idx", ("market_id", "ts"), "market_id, ts DESC"),
)
"""The hypertables' indexes as scenario.sql creates them, with the time index create_hypertable adds (the
recording keeps no index rows; its chunk index count, 3 per orders chunk, shows add_dimension added none)."""


def test_on_the_recording_only_two_valued_filters_lack_a_composite():
    """Without the hypertables' index rows PT008 proposes nothing. With them, no index is unused; the composites
    proposed are for taker_side and order_type, which scenario.sql fills with two values each: the recording has
    no pg_stats to say so, and with them nothing is proposed."""
    snapshot = recorded_snapshot()
    assert list(pt008_hypertable_indexes.check(AnalysisFacts(snapshot, recorded_workload()))) == []
    snapshot = dataclasses.replace(snapshot, indexes=snapshot.indexes + HYPERTABLE_INDEXES)
    findings = list(pt008_hypertable_indexes.check(AnalysisFacts(snapshot, recorded_workload())))
    assert [(f.kind, f.target, f.fix.ddl) for f in findings] == [
        (
            "create-index",
            "public.trades",
            "CREATE INDEX trades_taker_side_executed_at_idx ON public.trades (taker_side, executed_at DESC);\n",
        ),
        (
            "create-index",
            "public.orders",
            "CREATE INDEX orders_order_type_created_at_idx ON public.orders (order_type, created_at DESC);\n",
        ),
    ]
    assert all(f.confidence == "low" for f in findings)
    assert findings[0].message == (
        "1 statement filters hypertable public.trades by taker_side = and read it by executed_at, and no index "
        "leads with taker_side, executed_at"
    )
    two_valued = tuple(
        ColumnStats("public", table, column, n_distinct=2.0)
        for table, column in (("trades", "taker_side"), ("orders", "order_type"), ("orders", "side"))
    )
    analysed = dataclasses.replace(snapshot, column_stats=two_valued)
    assert list(pt008_hypertable_indexes.check(AnalysisFacts(analysed, recorded_workload()))) == []
