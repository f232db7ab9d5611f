"""How big an index will really be.

HypoPG sizes a B-tree as one tuple per row; since PostgreSQL 13, B-tree deduplication stores repeated keys
once with a list of 6-byte heap pointers, so low-cardinality indexes come out two to three times smaller
than HypoPG says. The correction uses pg_stats' distinct counts.
"""

from __future__ import annotations

import math

from ..facts import Snapshot
from .candidates import distinct_values
from .spec import IndexSpec

_TUPLE_OVERHEAD_BYTES = 8 + 4
"""IndexTupleData header plus the line pointer."""
_HEAP_POINTER_BYTES = 6
_DEFAULT_WIDTH_BYTES = 8


def corrected_size_bytes(spec: IndexSpec, hypopg_bytes: int, snapshot: Snapshot) -> int:
    if spec.method != "btree" or spec.include or spec.predicate or hypopg_bytes <= 0:
        return hypopg_bytes
    table = snapshot.table(spec.schema, spec.table)
    rows = max(table.reltuples if table else 0.0, 1.0)
    distinct = 1.0
    width = 0
    for key in spec.keys:
        stats = snapshot.stats_of(spec.schema, spec.table, key.column) if key.column else None
        distinct *= distinct_values(stats, table)
        width += stats.avg_width_bytes if stats and stats.avg_width_bytes else _DEFAULT_WIDTH_BYTES
    duplicates = rows / min(distinct, rows)
    if duplicates < 2:
        return hypopg_bytes
    tuple_bytes = _TUPLE_OVERHEAD_BYTES + 8 * math.ceil(width / 8)
    ratio = (tuple_bytes + _HEAP_POINTER_BYTES * (duplicates - 1)) / (tuple_bytes * duplicates)
    return int(hypopg_bytes * min(1.0, ratio))


_BTREE_FILL = 0.9
_BRIN_PAGES_PER_RANGE = 128


def estimated_size_bytes(spec: IndexSpec, snapshot: Snapshot) -> int:
    """Without HypoPG: leaf tuples at the default fill factor, then the same deduplication correction."""
    table = snapshot.table(spec.schema, spec.table)
    if table is None:
        return 0
    if spec.method == "brin":
        return 8192 * (2 + math.ceil(table.relpages / _BRIN_PAGES_PER_RANGE / 100))
    width = 0
    for column in [k.column for k in spec.keys] + list(spec.include):
        stats = snapshot.stats_of(spec.schema, spec.table, column) if column else None
        width += stats.avg_width_bytes if stats and stats.avg_width_bytes else _DEFAULT_WIDTH_BYTES
    tuple_bytes = _TUPLE_OVERHEAD_BYTES + 8 * math.ceil(width / 8)
    raw = int(max(table.reltuples, 1.0) * tuple_bytes / _BTREE_FILL)
    return corrected_size_bytes(spec, raw, snapshot)
