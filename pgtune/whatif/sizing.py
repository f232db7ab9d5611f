"""How big an index will really be.

HypoPG 1.x sizes a B-tree leaf tuple as the columns' widths plus 12 bytes *per column*, and pads every page
by 30 % (fill factor plus 20 % bloat). A freshly built B-tree has one 8-byte header and one 4-byte line
pointer per tuple, leaves filled to 90 %, and (since PostgreSQL 13) stores repeated keys once with a list
of 6-byte heap pointers, except with INCLUDE columns or keys such as numeric. So HypoPG overstates plain
indexes by about 1.4×, covering ones by up to 2× and low-cardinality ones three to six times. pgtune
recovers the tuple count from HypoPG's figure (which knows a partial index's selectivity) and sizes the
index the way nbtree builds it, with widths from pg_stats and distinct counts from the table itself when
it is small enough to count (key_sample.py), else from pg_stats; for several key columns of a bigger table,
the combination's count from a CREATE STATISTICS object when one has it, else from a sample of the table,
never above the product of the columns' counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..facts import Snapshot, TableFacts
from .candidates import distinct_values
from .key_sample import KeyCount
from .spec import IndexSpec
from .writes import identifiers

_PAGE_BYTES = 8192
_USABLE_PAGE_BYTES = _PAGE_BYTES - 24 - 16
"""Less the page header and the B-tree's special space."""
_HYPOPG_PAGE_FACTOR = (200 - 90 + 20) / 100
_LEAF_FILL = 0.9
_INNER_FILL = 0.7
_TUPLE_HEADER_BYTES = 8
_LINE_POINTER_BYTES = 4
_HEAP_POINTER_BYTES = 6
_POSTING_LIST_MAX_BYTES = 812
"""CREATE INDEX caps a posting list tuple at a tenth of the page less a line pointer (nbtsort.c's
maxpostingsize), not at BTMaxItemSize (2,704 bytes): a longer run of one key is split into several tuples."""
_DEFAULT_WIDTH_BYTES = 8
_NOT_DEDUPLICATED = ("numeric", "jsonb", "real", "double precision", "float", "[]", "range")
"""Key types nbtree will not deduplicate: equal values that may differ in image (numeric's scale, -0 and
+0), and container types."""
_BRIN_PAGES_PER_RANGE = 128
_ALIGNMENT_BYTES = {
    **dict.fromkeys(("int8", "float8", "timestamp", "timestamptz", "time", "timetz", "interval", "money"), 8),
    **dict.fromkeys(("int4", "float4", "date", "oid", "xid", "regclass"), 4),
    "int2": 2,
}
"""pg_type.typalign of the fixed-width types an index key usually has. Others (text, numeric, uuid, bool)
start anywhere: short varlena values, as index keys almost always are, are not aligned."""


def _maxalign(size: float) -> int:
    return 8 * math.ceil(size / 8)


def _aligned(offset: float, alignment: int) -> float:
    return alignment * math.ceil(offset / alignment)


@dataclass(frozen=True)
class _Layout:
    """What the size depends on, looked up once: the table and each key and INCLUDE column's pg_stats."""

    widths: tuple[int, ...]
    """Average stored width of each key and INCLUDE column, as HypoPG also takes it from pg_stats."""
    distinct_keys: float
    deduplicated: bool
    alignments: tuple[int, ...]
    """Each column's alignment: an int4 before a timestamptz leaves four bytes of padding."""

    @property
    def tuple_bytes(self) -> int:
        offset = float(_TUPLE_HEADER_BYTES)
        for width, alignment in zip(self.widths, self.alignments, strict=True):
            offset = _aligned(offset, alignment) + width
        return _maxalign(offset)

    @classmethod
    def of(
        cls, spec: IndexSpec, snapshot: Snapshot, table: TableFacts | None, counted: KeyCount | None = None
    ) -> _Layout:
        """``counted``: the keys' distinct count taken on the table (key_sample.py). Counted on every row it
        stands; scaled from a sample it only lowers the product of the columns' counts, and only without a
        CREATE STATISTICS object's count (from more rows)."""
        columns = [k.column for k in spec.keys] + list(spec.include)
        named = {c.name for c in table.columns} if table else set()
        referenced = {c for k in spec.keys if k.expression for c in identifiers(k.expression) if c in named}
        stats = {
            column: snapshot.stats_of(spec.schema, spec.table, column) for column in {*columns, *referenced} if column
        }

        def width(column: str) -> int:
            found = stats.get(column)
            return found.avg_width_bytes if found and found.avg_width_bytes else _DEFAULT_WIDTH_BYTES

        # An expression key is sized as the columns it reads (lower(email) as email): pg_stats has no width
        # for it, and the columns' width is an upper bound for the usual ones (lower, date_trunc, substring).
        def key_width(key) -> int:
            if key.column:
                return width(key.column)
            return sum(width(c) for c in sorted(referenced & identifiers(key.expression or ""))) or _DEFAULT_WIDTH_BYTES

        widths = tuple(key_width(key) for key in spec.keys) + tuple(width(column) for column in spec.include)
        distinct = math.prod(distinct_values(stats.get(k.column or ""), table) for k in spec.keys)
        if counted and counted.exact:
            distinct = counted.distinct
        elif len(spec.keys) > 1 and all(k.column for k in spec.keys):
            sampled = counted.distinct if counted else None
            distinct = min(distinct, _grouped_distinct(spec, snapshot) or sampled or distinct)
        types = {c.name: c.type for c in table.columns} if table else {}
        deduplicated = not spec.include and not any(
            marker in types.get(key.column or "", "") for key in spec.keys for marker in _NOT_DEDUPLICATED
        )
        type_names = {c.name: c.type_name for c in table.columns} if table else {}
        alignments = tuple(_ALIGNMENT_BYTES.get(type_names.get(c or "", ""), 1) for c in columns)
        return cls(widths, distinct, deduplicated, alignments)

    def btree_bytes(self, tuples: float) -> int:
        """Leaf pages as CREATE INDEX fills them; inner pages add well under 1 % and are left out."""
        tuple_bytes = self.tuple_bytes
        bytes_per_row = float(tuple_bytes + _LINE_POINTER_BYTES)
        duplicates = tuples / min(self.distinct_keys, max(tuples, 1.0))
        if duplicates >= 2 and self.deduplicated:
            per_posting = max(1, (_POSTING_LIST_MAX_BYTES - tuple_bytes) // _HEAP_POINTER_BYTES)
            postings = math.ceil(duplicates / per_posting)
            posting_bytes = _maxalign(tuple_bytes + _HEAP_POINTER_BYTES * duplicates / postings)
            group_bytes = postings * (posting_bytes + _LINE_POINTER_BYTES)
            bytes_per_row = group_bytes / duplicates
        pages = math.ceil(tuples * bytes_per_row / (_USABLE_PAGE_BYTES * _LEAF_FILL))
        return _PAGE_BYTES * (1 + max(pages, 1))


def _grouped_distinct(spec: IndexSpec, snapshot: Snapshot) -> float | None:
    """ANALYZE's n-distinct count of exactly the key columns, from a CREATE STATISTICS object that covers
    them. Without one the product of the columns' counts stands, which takes correlated keys (an order line's
    part and supplier) for independent ones and so finds no repetition."""
    keys = frozenset(k.column for k in spec.keys)
    counts = [
        count
        for statistics in snapshot.extended_statistics
        if (statistics.table_schema, statistics.table) == (spec.schema, spec.table)
        for group, count in statistics.distinct_counts
        if frozenset(group) == keys and count > 0
    ]
    return max(counts) if counts else None


def btree_height(spec: IndexSpec, snapshot: Snapshot) -> int:
    """Levels above the leaves of the B-tree CREATE INDEX would build: inner pages are filled to 70 % with
    pivot tuples that keep only the key columns (INCLUDE columns are truncated away)."""
    table = snapshot.table(spec.schema, spec.table)
    layout = _Layout.of(spec, snapshot, table)
    leaves = layout.btree_bytes(max(table.reltuples, 1.0) if table else 1.0) / _PAGE_BYTES - 1
    pivot_bytes = _maxalign(_TUPLE_HEADER_BYTES + sum(layout.widths[: len(spec.keys)])) + _LINE_POINTER_BYTES
    fanout = max(2.0, _USABLE_PAGE_BYTES * _INNER_FILL / pivot_bytes)
    return 0 if leaves <= 1 else math.ceil(math.log(leaves) / math.log(fanout))


def corrected_size_bytes(
    spec: IndexSpec, hypopg_bytes: int, snapshot: Snapshot, counted: KeyCount | None = None
) -> int:
    if spec.method != "btree" or hypopg_bytes <= 0:
        return hypopg_bytes
    layout = _Layout.of(spec, snapshot, snapshot.table(spec.schema, spec.table), counted)
    count = len(layout.widths)
    hypopg_tuple_bytes = sum(layout.widths) + (_TUPLE_HEADER_BYTES * count) + _maxalign(_LINE_POINTER_BYTES * count)
    tuples = hypopg_bytes / _PAGE_BYTES * _USABLE_PAGE_BYTES / (hypopg_tuple_bytes * _HYPOPG_PAGE_FACTOR)
    return layout.btree_bytes(tuples)


def estimated_size_bytes(spec: IndexSpec, snapshot: Snapshot) -> int:
    """Without HypoPG: every row of the table (a partial index's selectivity is not known here)."""
    table = snapshot.table(spec.schema, spec.table)
    if table is None:
        return 0
    if spec.method == "brin":
        return _PAGE_BYTES * (2 + math.ceil(table.relpages / _BRIN_PAGES_PER_RANGE / 100))
    return _Layout.of(spec, snapshot, table).btree_bytes(max(table.reltuples, 1.0))
