"""Constants a statement always uses, though pg_stat_statements shows a parameter in their place.

``WHERE status = 'open'`` reaches pg_stat_statements as ``status = $2``; a partial index only pays, and the
planner only matches it, when the constant is known. pg_qualstats records the constants each statement was
run with; literal samples from workload files and logs show them too. A constant counts as fixed when it
carries nearly all of the recorded executions, or when every one of several samples has it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..facts import QualStat
from ..query.model import PredicateOp, QualifiedName, StatementShape

DOMINANT_SHARE = 0.95
MIN_SAMPLES = 3
_TRAILING_CAST = re.compile(r"::[\w\s\".\[\]]+$")


def _qualstats_constant(column: str, table: QualifiedName, rows: Iterable[QualStat]) -> str | None:
    weights: Counter[str] = Counter()
    total = 0
    for row in rows:
        if (row.schema, row.table, row.column) != (table.schema, table.name, column) or row.operator != "=":
            continue
        total += row.executions
        if row.constant is not None:
            weights[_TRAILING_CAST.sub("", row.constant)] += row.executions
    if not weights:
        return None
    constant, weight = weights.most_common(1)[0]
    return constant if weight >= DOMINANT_SHARE * total else None


def _sample_constant(column: str, table: QualifiedName, samples: Iterable[StatementShape]) -> str | None:
    seen = [
        p.constant
        for sample in samples
        for access in sample.tables
        if access.table == table
        for p in access.predicates
        if p.column == column and p.op is PredicateOp.EQ
    ]
    if len(seen) < MIN_SAMPLES or None in seen or len(set(seen)) != 1:
        return None
    return seen[0]


def fixed_constants(
    shape: StatementShape, qualstats: Iterable[QualStat], samples: Iterable[StatementShape]
) -> dict[int, str]:
    """``$n`` → the SQL constant it always stands for, for the equality predicates of ``shape``."""
    qualstats, samples = tuple(qualstats), tuple(samples)
    fixed: dict[int, str] = {}
    for access in shape.tables:
        for predicate in access.predicates:
            if predicate.op is not PredicateOp.EQ or predicate.parameter is None or predicate.column is None:
                continue
            constant = _qualstats_constant(predicate.column, access.table, qualstats) or _sample_constant(
                predicate.column, access.table, samples
            )
            if constant is not None:
                fixed[predicate.parameter] = constant
    return fixed
