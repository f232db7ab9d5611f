"""IX003: two or more indexes with the same definition under different names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ...facts import IndexFacts
from ...findings import Evidence, Finding, Severity
from ...quantities import Unit, human_bytes, human_count
from ...rules import Rule
from ..base import AnalysisFacts
from ..index_definitions import backs_constraint, drop_index_fix, keep_first, on_partition
from ..index_shapes import IndexShape

RULE = Rule(
    id="IX003",
    slug="duplicate-index",
    title="Drop an index that duplicates another",
    why=(
        "Two indexes with the same table, method, keys (with their collation, operator class and order), "
        "INCLUDE columns and predicate answer exactly the same queries; the planner uses one and every write "
        "still maintains both. They usually come from a migration re-run under a new name or an ORM that "
        "adds an index a constraint already created. The one backing a constraint is kept."
    ),
    bad_example=(
        "CREATE INDEX trades_order_id_idx ON public.trades (order_id);\n"
        "CREATE INDEX trades_order_id_idx1 ON public.trades (order_id);"
    ),
    good_example="DROP INDEX CONCURRENTLY IF EXISTS public.trades_order_id_idx1;",
    severity=Severity.WARNING,
    needs=("indexes",),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    groups: dict[IndexShape, list[IndexFacts]] = defaultdict(list)
    for index in facts.snapshot.indexes:
        # Copies on partitions follow their parent's indexes, which are judged instead.
        shape = facts.shape(index) if index.is_valid and not on_partition(facts, index) else None
        if shape is not None:
            groups[shape].append(index)
    for members in groups.values():
        if len(members) < 2:
            continue
        keep, *others = sorted(members, key=keep_first)
        for index in others:
            if backs_constraint(index):
                continue
            yield Finding(
                rule=RULE.id,
                severity=Severity.WARNING,
                message=(
                    f"{index.name} on {index.qualified_table} ({human_bytes(index.size_bytes)}) has the same "
                    f"definition as {keep.name}; every write maintains both"
                ),
                help=f"drop {index.name} concurrently and keep {keep.name}; the rollback recreates it",
                target=f"{index.schema}.{index.name}",
                kind="drop-index",
                evidence=(
                    Evidence("duplicate", index.definition),
                    Evidence(
                        "kept",
                        keep.definition
                        + (f" (backs {keep.backs_constraint or 'the primary key'})" if backs_constraint(keep) else ""),
                    ),
                    Evidence("scans", index.idx_scan, Unit.COUNT, f" on it, {human_count(keep.idx_scan)} on the kept"),
                ),
                fix=drop_index_fix(facts, index),
                size_bytes=index.size_bytes,
                confidence="high",
            )
