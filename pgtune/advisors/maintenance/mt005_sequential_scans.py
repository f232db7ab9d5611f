"""MT005: large tables read by full sequential scans often enough to matter."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity, StatementImpact
from ...quantities import Unit, human_bytes, human_count
from ...rules import Rule
from ..base import AnalysisFacts

RULE = Rule(
    id="MT005",
    slug="sequential-scans",
    title="Stop reading a large table from end to end",
    why=(
        "A sequential scan of a large table reads every page, pushes hot pages out of shared buffers and, on "
        "a busy primary, competes with the order flow for I/O. Once in a while (a nightly report) it is fine; "
        "many times a day it usually means a statement lacks an index or filters on an expression no index "
        "matches. pgtune counts only scans that read a large part of the table, so LIMIT scans that stop "
        "early do not count."
    ),
    bad_example="SELECT count(*) FROM public.trades WHERE lower(symbol) = 'btc-usdt';",
    good_example="CREATE INDEX CONCURRENTLY trades_lower_symbol_idx ON public.trades ((lower(symbol)));",
    severity=Severity.WARNING,
    needs=("tables",),
)

MIN_TABLE_BYTES = 64 * 2**20
MIN_SEQ_SCANS = 50
MIN_SHARE_READ = 0.1
"""A scan reading less than this share of the rows on average stopped early (LIMIT, EXISTS)."""
WARNING_FULL_READS_PER_DAY = 24
MAX_STATEMENTS = 3


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    days = facts.stats_age_days
    for table in facts.snapshot.tables:
        if table.size_bytes < MIN_TABLE_BYTES or table.seq_scan < MIN_SEQ_SCANS or table.reltuples <= 0:
            continue
        rows_per_scan = table.seq_tup_read / table.seq_scan
        share = rows_per_scan / table.reltuples
        if share < MIN_SHARE_READ:
            continue
        full_reads = table.seq_scan * min(share, 1.0)
        per_day = full_reads / days if days else None
        if per_day is not None and per_day < 1:
            continue
        heavy = per_day is None or per_day >= WARNING_FULL_READS_PER_DAY
        rate = f"{per_day:.0f} times a day" if per_day is not None else f"{human_count(full_reads)} times"
        readers = sorted(
            (s for s in facts.workload if s.touches(table.schema, table.name)), key=lambda s: -s.ms_per_day
        )[:MAX_STATEMENTS]
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING if heavy else Severity.INFO,
            message=(
                f"{table.qualified_name} ({human_bytes(table.size_bytes)}) is read in full about {rate}: "
                f"{human_count(table.seq_scan)} sequential scans averaging {human_count(rows_per_scan)} rows"
            ),
            help=(
                "find the statements below (or in pg_stat_statements) that scan it and give them an index; "
                "IX001 proposes one when the workload shows it"
            ),
            target=table.qualified_name,
            kind="investigate",
            evidence=(
                Evidence("sequential scans", table.seq_scan, Unit.COUNT),
                Evidence("rows read by them", table.seq_tup_read, Unit.ROWS),
                Evidence("index scans", table.idx_scan, Unit.COUNT),
                Evidence("rows in the table", table.reltuples, Unit.ROWS),
                Evidence("statistics window", days, Unit.DAYS) if days else Evidence("statistics window", "unknown"),
            ),
            statements=tuple(
                StatementImpact(s.queryid, s.display_text or s.text, s.calls, s.mean_exec_ms) for s in readers
            ),
            size_bytes=table.size_bytes,
            confidence="medium",
        )
