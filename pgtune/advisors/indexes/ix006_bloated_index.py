"""IX006: B-tree indexes much larger than their rows need, estimated from pg_stats without pgstattuple."""

from __future__ import annotations

import math
from collections.abc import Iterator

from ...facts import IndexFacts, Snapshot
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from ..index_definitions import qualified_index

RULE = Rule(
    id="IX006",
    slug="bloated-index",
    title="Rebuild a bloated index",
    why=(
        "B-tree pages emptied by deletes and non-HOT updates are reused only for keys that fall in the same "
        "range, so an index on a queue-like or time-ordered table keeps growing while its rows do not. A "
        "bloated index needs more memory to stay cached and more reads per range scan. pgtune estimates the "
        "size the rows need from the planner statistics (average column widths, row count, 90 % leaf fill), "
        "so no pgstattuple scan is required; REINDEX CONCURRENTLY rebuilds it without blocking writes."
    ),
    bad_example=(
        "DELETE FROM public.orders WHERE status = 'filled' AND updated_at < now() - interval '30 days';\n"
        "-- orders_updated_at_idx: 4 GB on disk for 3 million rows"
    ),
    good_example="REINDEX INDEX CONCURRENTLY public.orders_updated_at_idx;",
    severity=Severity.WARNING,
    needs=("indexes", "tables", "column_stats"),
)

MIN_RATIO = 2.0
MIN_WASTED_BYTES = 16 * 2**20
LEAF_FILL = 0.9
PAGE_OVERHEAD_BYTES = 24 + 16
"""Page header and the B-tree special space."""
TUPLE_HEADER_BYTES = 8
LINE_POINTER_BYTES = 4
MAXALIGN = 8


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    block = _block_size(snapshot)
    for index in snapshot.indexes:
        expected = expected_size_bytes(index, facts, block)
        if expected is None:
            continue
        wasted = index.size_bytes - expected
        if index.size_bytes < MIN_RATIO * expected or wasted < MIN_WASTED_BYTES:
            continue
        table = facts.table(index.schema, index.table)
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING,
            message=(
                f"{index.name} on {index.qualified_table} takes {human_bytes(index.size_bytes)} where its rows "
                f"need about {human_bytes(expected)}: an estimated {human_bytes(wasted)} "
                f"({100 * wasted / index.size_bytes:.0f} %) is bloat"
            ),
            help=(
                "rebuild it with REINDEX CONCURRENTLY (needs free disk for the new copy while it runs); if it "
                "bloats again, look at the deletes and non-HOT updates behind it"
            ),
            target=f"{index.schema}.{index.name}",
            kind="rebuild-index",
            evidence=(
                Evidence("actual size", index.size_bytes, Unit.BYTES),
                Evidence("expected size", expected, Unit.BYTES),
                Evidence("rows (reltuples)", table.reltuples if table else 0, Unit.ROWS),
                Evidence(
                    "method",
                    "estimate: rows × (tuple header + pg_stats average widths, aligned) at 90 % leaf fill; "
                    "no pgstattuple; B-tree deduplication can make the real bloat larger",
                ),
            ),
            fix=Fix(
                f"REINDEX INDEX CONCURRENTLY {qualified_index(index)};",
                None,
                FixSafety.ONLINE,
                "nothing to roll back: the rebuilt index has the same definition",
            ),
            size_bytes=wasted,
            confidence="medium",
        )


def expected_size_bytes(index: IndexFacts, facts: AnalysisFacts, block_bytes: int = 8192) -> int | None:
    """The size a freshly built B-tree on these rows would have; None when the statistics cannot say."""
    table = facts.table(index.schema, index.table)
    if index.method != "btree" or index.predicate or not index.is_valid or table is None or table.reltuples <= 0:
        return None
    columns = (*index.columns, *index.include_columns)
    stats = [facts.stats_of(index.schema, index.table, c) if c else None for c in columns]
    if not columns or any(s is None for s in stats):
        return None
    data = sum(s.avg_width_bytes * (1 - s.null_frac) for s in stats)
    entry = math.ceil((TUPLE_HEADER_BYTES + data) / MAXALIGN) * MAXALIGN + LINE_POINTER_BYTES
    per_page = max(1, int((block_bytes - PAGE_OVERHEAD_BYTES) * LEAF_FILL // entry))
    leaves = math.ceil(table.reltuples / per_page)
    inner = math.ceil(leaves / per_page)
    return (1 + leaves + inner) * block_bytes


def _block_size(snapshot: Snapshot) -> int:
    setting = snapshot.server.setting("block_size")
    return int(setting.value) if setting else 8192
