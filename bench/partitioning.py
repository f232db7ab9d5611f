"""How long the PT advisors take on a large catalog: many tables, statements, hypertables and chunks.

``python -m bench partitioning [--tables N] [--statements N] [--chunks N]``. The advisors are pure, so this
needs no server: it builds a synthetic exchange (half the tables time series) and times each rule.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime, timedelta, timezone

from pgtune.advisors import ANALYSIS_ADVISORS
from pgtune.advisors.base import AdvisorSettings, AnalysisFacts
from pgtune.facts import (
    Chunk,
    ColumnFacts,
    ColumnStats,
    DatabaseStats,
    Hypertable,
    ServerFacts,
    Setting,
    Snapshot,
    TableFacts,
    TimescaleFacts,
)
from pgtune.query.model import Predicate, PredicateOp, QualifiedName, StatementKind, StatementShape, TableAccess
from pgtune.whatif.workload import WorkloadStatement

from .common import print_table, write_result

RULES = tuple(advisor for advisor in ANALYSIS_ADVISORS if advisor.RULE.id.startswith("PT"))
NOW = datetime(2026, 11, 26, tzinfo=timezone.utc)
COLUMNS = (
    ColumnFacts("market_id", "integer", True),
    ColumnFacts("price", "numeric", True),
    ColumnFacts("ts", "timestamp with time zone", True),
)


def _table(i: int) -> TableFacts:
    rows = 20_000_000 if i % 2 == 0 else 50_000
    return TableFacts(
        "public", f"t{i}", columns=COLUMNS, reltuples=rows, n_live_tup=rows, total_size_bytes=rows * 120, n_tup_ins=rows
    )


def _statement(i: int, tables: int) -> WorkloadStatement:
    name = QualifiedName("public", f"t{i % tables}")
    predicates = (
        Predicate(name, "market_id", PredicateOp.EQ, "=", columns=("market_id",)),
        Predicate(name, "ts", PredicateOp.RANGE, ">=", columns=("ts",)),
    )
    group_by = ("time_bucket('1 minute', ts)", "market_id") if i % 3 == 0 else ()
    shape = StatementShape(
        f"s{i}",
        StatementKind.SELECT,
        f"s{i}",
        (TableAccess(name, predicates=predicates, group_by=group_by),),
        group_by=group_by,
        has_aggregates=bool(group_by),
    )
    return WorkloadStatement(f"s{i}", f"s{i}", shape, calls_per_day=1000, mean_exec_ms=5.0, calls=1000)


def _timescale(hypertables: int, chunks: int) -> TimescaleFacts:
    found, all_chunks = [], []
    for h in range(hypertables):
        found.append(Hypertable("public", f"h{h}", "ts", "timestamp with time zone", "01:00:00", num_chunks=chunks))
        for c in range(chunks):
            start = NOW - timedelta(hours=chunks - c)
            all_chunks.append(
                Chunk(
                    "public",
                    f"h{h}",
                    "_timescaledb_internal",
                    f"_hyper_{h}_{c}_chunk",
                    start.isoformat(),
                    (start + timedelta(hours=1)).isoformat(),
                    False,
                    49_152,
                )
            )
    return TimescaleFacts("2.28.3", tuple(found), tuple(all_chunks))


def build(tables: int, statements: int, hypertables: int, chunks: int) -> AnalysisFacts:
    snapshot = Snapshot(
        server=ServerFacts(150000, "15", "bench", "postgres", settings=(Setting("shared_buffers", "32768", "8kB"),)),
        collected_at=NOW,
        tables=tuple(_table(i) for i in range(tables)),
        column_stats=tuple(ColumnStats("public", f"t{i}", "ts", correlation=0.99) for i in range(tables)),
        database=DatabaseStats("bench", stats_reset=NOW - timedelta(days=30)),
        timescaledb=_timescale(hypertables, chunks),
    )
    return AnalysisFacts(
        snapshot,
        tuple(_statement(i, tables) for i in range(statements)),
        settings=AdvisorSettings(partition_target="native"),
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench partitioning")
    parser.add_argument("--tables", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--hypertables", type=int, default=20)
    parser.add_argument("--chunks", type=int, default=720)
    args = parser.parse_args(argv)
    facts = build(args.tables, args.statements, args.hypertables, args.chunks)
    rows = []
    for rule in RULES:
        started = time.perf_counter()
        findings = list(rule.check(facts))
        rows.append((rule.RULE.id, len(findings), 1000 * (time.perf_counter() - started)))
    title = (
        f"PT advisors: {args.tables:,} tables, {args.statements:,} statements, "
        f"{args.hypertables} hypertables × {args.chunks} chunks"
    )
    print_table(title, ("rule", "findings", "ms"), rows)
    write_result(
        "partitioning", {"arguments": vars(args), "rules": [{"rule": r[0], "findings": r[1], "ms": r[2]} for r in rows]}
    )
    return 0
