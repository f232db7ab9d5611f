"""Existing indexes: the DDL that drops or rebuilds one, and which ones a drop must never touch."""

from __future__ import annotations

import re

from ..facts import IndexFacts
from ..findings import Fix, FixSafety
from .base import AnalysisFacts, sql_name


def qualified_index(index: IndexFacts) -> str:
    return sql_name(index.schema, index.name)


def create_concurrently(index: IndexFacts) -> str:
    """The index's own definition, built concurrently."""
    # IF NOT EXISTS: the script may be run again after a partial run.
    built = r"CREATE \1INDEX CONCURRENTLY IF NOT EXISTS "
    return re.sub(r"^CREATE (UNIQUE )?INDEX ", built, index.definition.strip(), count=1) + ";"


def drop_index_fix(facts: AnalysisFacts, index: IndexFacts) -> Fix:
    """Drop it without blocking writes; the rollback builds it again from its definition."""
    table = facts.table(index.schema, index.table)
    if table is not None and table.kind == "p":
        # A partitioned index can be neither dropped nor built concurrently, and its definition says ON ONLY,
        # which would rebuild it without its partitions.
        return Fix(
            f"DROP INDEX IF EXISTS {qualified_index(index)};",
            index.definition.strip().replace(" ON ONLY ", " ON ", 1) + ";",
            FixSafety.BLOCKING,
            "drops and rebuilds it on every partition, each under a lock that blocks writes",
        )
    return Fix(
        f"DROP INDEX CONCURRENTLY IF EXISTS {qualified_index(index)};", create_concurrently(index), FixSafety.ONLINE
    )


def on_partition(facts: AnalysisFacts, index: IndexFacts) -> bool:
    """An index on a partition usually belongs to an index of the parent and cannot be dropped alone."""
    table = facts.table(index.schema, index.table)
    return table is not None and table.parent is not None


def protected(index: IndexFacts) -> bool:
    """Primary keys, unique indexes and indexes behind a constraint do work that scan counters do not show."""
    return index.is_unique or backs_constraint(index)


def backs_constraint(index: IndexFacts) -> bool:
    return index.is_primary or index.backs_constraint is not None


def keep_first(index: IndexFacts) -> tuple[bool, int, str]:
    """Of indexes that do the same job, keep what a constraint needs, then the one the planner uses most."""
    return (not backs_constraint(index), -index.idx_scan, index.name)
