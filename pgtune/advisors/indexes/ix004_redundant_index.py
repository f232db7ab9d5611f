"""IX004: a B-tree whose keys are a left prefix of another B-tree's with the same predicate."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ...facts import IndexFacts
from ...findings import Evidence, Finding, Severity
from ...quantities import Unit, human_bytes, human_count
from ...rules import Rule
from ..base import AnalysisFacts
from ..index_definitions import drop_index_fix, keep_first, on_partition, protected
from ..index_shapes import IndexShape

RULE = Rule(
    id="IX004",
    slug="redundant-index",
    title="Drop an index another index already covers",
    why=(
        "A B-tree on (a) answers nothing that a B-tree on (a, b) with the same predicate cannot: the longer "
        "index serves lookups and ranges on its leading column too, at a slightly larger size per entry. "
        "The shorter one only adds write cost. Keys are compared with their collation, operator class and "
        "order; a partial or unique index is never taken as covered by one that is not, and neither is an "
        "index on (b, a)."
    ),
    bad_example=(
        "CREATE INDEX orders_user_id_idx ON public.orders (user_id);\n"
        "CREATE INDEX orders_user_id_created_at_idx ON public.orders (user_id, created_at);"
    ),
    good_example="DROP INDEX CONCURRENTLY IF EXISTS public.orders_user_id_idx;",
    severity=Severity.WARNING,
    needs=("indexes",),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    # Only indexes on the same table with the same predicate can cover each other.
    groups: dict[tuple[str, str, str | None], list[tuple[IndexFacts, IndexShape]]] = defaultdict(list)
    for index in facts.snapshot.indexes:
        # Indexes on partitions follow their parent's indexes, which are judged instead.
        shape = facts.shape(index) if index.is_valid and not on_partition(facts, index) else None
        if shape is not None and shape.method == "btree":
            groups[shape.schema, shape.table, shape.predicate].append((index, shape))
    for index, shape in (pair for group in groups.values() for pair in group):
        if protected(index):
            continue
        covering = sorted(
            (
                other
                for other, other_shape in groups[shape.schema, shape.table, shape.predicate]
                if other is not index
                and _covers(other_shape, shape)
                # Two that cover each other (INCLUDE in another order): drop only the later name.
                and not (_covers(shape, other_shape) and not protected(other) and index.name < other.name)
            ),
            key=keep_first,
        )
        if not covering:
            continue
        wider = covering[0]
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING,
            message=(
                f"{index.name} on {index.qualified_table} ({human_bytes(index.size_bytes)}) is a left prefix of "
                f"{wider.name}, which serves the same lookups"
            ),
            help=(
                f"drop {index.name} concurrently; queries that used it will use {wider.name}. The rollback recreates it"
            ),
            target=f"{index.schema}.{index.name}",
            kind="drop-index",
            evidence=(
                Evidence("redundant", index.definition),
                Evidence("covered by", wider.definition),
                Evidence("scans", index.idx_scan, Unit.COUNT, f" on it, {human_count(wider.idx_scan)} on the wider"),
            ),
            fix=drop_index_fix(facts, index),
            size_bytes=index.size_bytes,
            confidence="high",
        )


def _covers(wider: IndexShape, narrow: IndexShape) -> bool:
    """True when ``wider`` (same table and predicate) answers every lookup ``narrow`` does and is not the very
    same index."""
    if wider.keys[: len(narrow.keys)] != narrow.keys or not set(narrow.include) <= {*wider.keys, *wider.include}:
        return False
    return wider != narrow
