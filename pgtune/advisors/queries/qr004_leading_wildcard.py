"""QR004: LIKE '%term' cannot use a B-tree; a pg_trgm GIN index serves it."""

from __future__ import annotations

from collections.abc import Iterator

from ...facts import Snapshot, TableFacts
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit
from ...query.antipatterns import AntiPatternKind
from ...query.sqltext import bounded_identifier, quote_ident
from ...rules import Rule
from ..base import AnalysisFacts
from .observed import antipatterns, pattern_table

RULE = Rule(
    id="QR004",
    slug="leading-wildcard-like",
    title="Serve leading-wildcard LIKE with a trigram index",
    why=(
        "A pattern that starts with a wildcard (LIKE '%usdt') has no prefix for a B-tree to seek to, so "
        "every search scans the whole table. A GIN index with pg_trgm's gin_trgm_ops answers LIKE and ILIKE "
        "with wildcards anywhere."
    ),
    bad_example="SELECT id FROM markets WHERE symbol ILIKE '%usdt%';",
    good_example=(
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
        "CREATE INDEX CONCURRENTLY markets_symbol_trgm_idx ON public.markets USING gin (symbol gin_trgm_ops);"
    ),
    severity=Severity.WARNING,
    needs=("workload", "indexes"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    proposed: set[tuple[str, str]] = set()
    for observed, found in antipatterns(facts, AntiPatternKind.LEADING_WILDCARD):
        table = pattern_table(snapshot, found)
        if table is None or found.column is None or _has_trigram_index(snapshot, table, found.column):
            continue
        if (table.qualified_name, found.column) in proposed:
            continue
        proposed.add((table.qualified_name, found.column))
        index = bounded_identifier(f"{table.name}_{found.column}_trgm_idx")
        yield Finding(
            rule=RULE.id,
            severity=observed.severity,
            message=(
                f"{found.detail} with a leading wildcard on {table.qualified_name}.{found.column} scans the whole "
                "table: no trigram index"
            ),
            help="create a pg_trgm GIN index on the column (CREATE EXTENSION needs a privileged role once)",
            target=table.qualified_name,
            kind="create-index:gin_trgm",
            evidence=(Evidence("table rows", table.reltuples, Unit.ROWS), *observed.evidence()),
            fix=Fix(
                "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
                f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {quote_ident(index)} ON {table.qualified_name} "
                f"USING gin ({quote_ident(found.column)} gin_trgm_ops);",
                f"DROP INDEX CONCURRENTLY IF EXISTS {quote_ident(table.schema)}.{quote_ident(index)};",
                FixSafety.ONLINE,
            ),
            statements=(observed.impact(),),
            confidence="medium",
        )


def _has_trigram_index(snapshot: Snapshot, table: TableFacts, column: str) -> bool:
    return any(
        i.is_valid and i.method in ("gin", "gist") and "trgm_ops" in i.definition and column in i.columns
        for i in snapshot.indexes_of(table.schema, table.name)
    )
