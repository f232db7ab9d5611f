"""MT007: tables whose planner statistics are missing or far behind their changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from ...facts import TableFacts
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_count
from ...rules import Rule
from ..autovacuum import ago, table_setting
from ..base import AnalysisFacts, sql_name, table_rows

RULE = Rule(
    id="MT007",
    slug="stale-statistics",
    title="Analyze tables whose statistics are missing or stale",
    why=(
        "The planner chooses join orders, join methods and indexes from pg_statistic. A table never "
        "analyzed, or changed far more than autoanalyze allows since its last analyze, is planned from "
        "default guesses or from data that no longer exists: a new day's trades outside the histogram look "
        "like no rows at all. Autovacuum never analyzes a partitioned table itself, only its partitions."
    ),
    bad_example=(
        "COPY public.trades FROM '/data/trades.csv';\n"
        "SELECT * FROM public.trades WHERE executed_at > now() - interval '1 hour';"
    ),
    good_example="ANALYZE public.trades;",
    severity=Severity.WARNING,
    needs=("tables", "column_stats"),
)

MIN_ROWS = 1_000
STALE_FACTOR = 2.0
"""Changes beyond this multiple of the autoanalyze threshold mean autoanalyze is behind."""


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    analyzed = {(c.schema, c.table) for c in snapshot.column_stats}
    for table in snapshot.tables:
        if table.kind not in ("r", "p", "m"):
            continue
        rows = table_rows(table)
        never = (
            (table.schema, table.name) not in analyzed and table.last_analyze is None and table.last_autoanalyze is None
        )
        threshold = table_setting(table, snapshot.server, "autovacuum_analyze_threshold") + table_setting(
            table, snapshot.server, "autovacuum_analyze_scale_factor"
        ) * max(table.reltuples, 0)
        behind = table.n_mod_since_analyze >= max(STALE_FACTOR * threshold, MIN_ROWS)
        if never and rows > 0:
            message = f"{table.qualified_name} ({human_count(rows)} rows) has never been analyzed" + (
                ": autovacuum never analyzes a partitioned table" if table.kind == "p" else ""
            )
        elif behind and not never:
            message = (
                f"{table.qualified_name} changed {human_count(table.n_mod_since_analyze)} rows since its last "
                f"analyze ({human_count(rows)} rows, autoanalyze due at {human_count(threshold)})"
            )
        else:
            continue
        help_text = (
            "analyze it now, and after every bulk load: autoanalyze waits for enough changed rows"
            if never
            else "analyze it now; if it keeps falling behind, lower its autovacuum_analyze_scale_factor"
        )
        yield _finding(table, message, help_text, threshold, facts.snapshot.collected_at)


def _finding(table: TableFacts, message: str, help_text: str, threshold: float, now: datetime) -> Finding:
    target = sql_name(table.schema, table.name)
    return Finding(
        rule=RULE.id,
        severity=Severity.WARNING if table_rows(table) >= MIN_ROWS else Severity.INFO,
        message=message,
        help=help_text,
        target=table.qualified_name,
        kind="analyze",
        evidence=(
            Evidence("rows changed since analyze", table.n_mod_since_analyze, Unit.ROWS),
            Evidence("autoanalyze threshold", threshold, Unit.COUNT),
            Evidence("last analyze", ago(_last_analyze(table), now)),
        ),
        fix=Fix(f"ANALYZE {target};", None, FixSafety.ONLINE, "reads a sample of the table; nothing to roll back"),
        confidence="high",
    )


def _last_analyze(table: TableFacts) -> datetime | None:
    return max((t for t in (table.last_analyze, table.last_autoanalyze) if t is not None), default=None)
