"""IX007: foreign keys whose referencing columns lead no index."""

from __future__ import annotations

from collections.abc import Iterator

from ...facts import ConstraintFacts, IndexFacts
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_bytes, human_count
from ...rules import Rule
from ...whatif.spec import IndexKey, IndexSpec
from ..base import AnalysisFacts, table_rows

RULE = Rule(
    id="IX007",
    slug="foreign-key-without-index",
    title="Index the referencing columns of a foreign key",
    why=(
        "Deleting a referenced row, or changing its key, makes PostgreSQL look for referencing rows; without "
        "an index whose leading columns are the foreign key's columns that lookup is a sequential scan of the "
        "referencing table, once per row deleted, under a lock. Joins from parent to children need the same "
        "index."
    ),
    bad_example=(
        "ALTER TABLE public.trades ADD CONSTRAINT trades_order_id_fkey\n"
        "    FOREIGN KEY (order_id) REFERENCES public.orders (id);"
    ),
    good_example="CREATE INDEX CONCURRENTLY trades_order_id_idx ON public.trades (order_id);",
    severity=Severity.WARNING,
    needs=("constraints", "indexes"),
)

LARGE_ROWS = 10_000


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    for constraint in snapshot.constraints:
        if constraint.kind != "f" or not constraint.columns:
            continue
        if any(_supports(i, constraint) for i in facts.indexes_of(constraint.schema, constraint.table)):
            continue
        table = facts.table(constraint.schema, constraint.table)
        rows = table_rows(table) if table else 0.0
        partitioned = table is not None and table.kind == "p"
        spec = IndexSpec(constraint.schema, constraint.table, tuple(IndexKey(c) for c in constraint.columns))
        referenced = constraint.referenced_table or "the referenced table"
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING if rows >= LARGE_ROWS else Severity.INFO,
            message=(
                f"foreign key {constraint.name} on {constraint.schema}.{constraint.table} "
                f"({', '.join(constraint.columns)}) has no index: each delete or key update on {referenced} "
                f"scans {human_count(rows)} rows ({human_bytes(table.size_bytes if table else 0)})"
            ),
            help="create an index led by the foreign key's columns; the rollback drops it",
            target=f"{constraint.schema}.{constraint.table}",
            kind="create-index:foreign-key",
            evidence=(
                Evidence("constraint", constraint.definition or constraint.name),
                Evidence("referencing rows", rows, Unit.ROWS),
            ),
            fix=Fix(
                spec.create_sql(concurrently=not partitioned),
                spec.drop_sql().replace("CONCURRENTLY ", "") if partitioned else spec.drop_sql(),
                FixSafety.BLOCKING if partitioned else FixSafety.ONLINE,
                "a partitioned table cannot index concurrently: create it concurrently on each partition, "
                "then on the parent ON ONLY and ATTACH each one"
                if partitioned
                else "",
            ),
            confidence="high",
        )


def _supports(index: IndexFacts, constraint: ConstraintFacts) -> bool:
    """The foreign key's columns, in any order, are the index's leading keys."""
    width = len(constraint.columns)
    leading = index.columns[:width]
    return (
        index.is_valid
        and index.method == "btree"
        and index.predicate is None
        and len(leading) == width
        and None not in leading
        and set(leading) == set(constraint.columns)
    )
