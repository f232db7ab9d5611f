"""PT002: a time-series table that a TimescaleDB hypertable with compression and retention would serve better."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...rules import Rule
from ..base import AnalysisFacts
from .common import target_style, time_series_finding
from .hypertable_plan import aggregates, hypertable_plan, segment_by
from .signals import plural, time_series_tables

RULE = Rule(
    id="PT002",
    slug="convert-to-hypertable",
    title="Turn a time-series table into a TimescaleDB hypertable",
    why=(
        "On a server with TimescaleDB, an append-only table read by time range belongs in a hypertable: chunks "
        "sized to the cache keep inserts and recent reads in memory, compression segmented by the columns the "
        "queries filter on shrinks old chunks by an order of magnitude, retention drops whole chunks instead of "
        "deleting rows, and continuous aggregates answer candle queries without rescanning raw trades."
    ),
    bad_example=(
        "SELECT time_bucket('1 minute', executed_at) AS bucket, market_id, max(price), min(price), sum(qty)\n"
        "FROM trades WHERE executed_at > now() - interval '1 day' GROUP BY 1, 2;"
    ),
    good_example=(
        "SELECT create_hypertable('public.trades', by_range('executed_at', INTERVAL '1 day'), migrate_data => true);\n"
        "ALTER TABLE public.trades SET (timescaledb.compress, timescaledb.compress_segmentby = 'market_id',\n"
        "    timescaledb.compress_orderby = 'executed_at DESC');\n"
        "SELECT add_compression_policy('public.trades', compress_after => INTERVAL '7 days');"
    ),
    severity=Severity.WARNING,
    needs=("tables", "column_stats", "statements", "indexes"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    if target_style(facts) != "timescaledb":
        return
    for series in time_series_tables(facts):
        segment, segment_reason = segment_by(series, facts.snapshot)
        found = aggregates(series.rollups, series.table, series.key.name)
        yield time_series_finding(
            RULE,
            facts,
            series,
            "timescaledb",
            f"make it a hypertable with {series.sized('chunk')}, compressed"
            + (f" by {segment}" if segment else "")
            + (", with a retention policy" if series.retention_sql else "")
            + (f" and {plural(len(found), 'continuous aggregate')} for its candle statements" if found else ""),
            Evidence("segment by", segment_reason),
            hypertable_plan(series, facts.snapshot),
        )
