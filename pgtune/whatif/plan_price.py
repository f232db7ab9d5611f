"""What a plan made on hypothetical indexes will cost once they are built: the planner's total, plus two
things HypoPG's plans leave out. Both were measured on TPC-H SF1 (docs/design.md, "Pricing hypothetical plans").

1. **The B-tree descent.** PostgreSQL charges every probe of a B-tree (tree height + 1) × 50 ×
   cpu_operator_cost for the pages it descends through. HypoPG 1.x gives its indexes a tree height of -1, so
   a hypothetical probe descends for nothing: 0.375 cheaper than the same probe of a real index of height 2.
   Inside a nested loop of 87,000 probes that is 33,000 cost units. It is why a hypothetical copy of a
   primary key (``orders (o_orderkey) INCLUDE (o_orderstatus)``) beat the primary key itself in hypothetical
   plans, and why the same indexes, built, gave other plans. The descent is added back at the height the
   built index would have.
2. **Repeated lookups through a new index inside a nested loop.** The planner amortizes the heap pages of an
   inner index scan over a loop count it takes from the rows of the relation that supplies the parameter,
   not from the join below, and prices a page it has touched before as free. TPC-H Q5 with
   ``lineitem (l_suppkey)``: the planner priced 2,000 probes of 600 rows (1.2 million fetches over 112,503
   heap pages) at 116,000; it ran 5.9× slower than today's plan. Each such scan is priced again from its
   loops and the rows it fetches: the plan's rows where it has no Filter, else at least the rows its Index
   Cond matches, from pg_stats (the plan's rows are those the Filter leaves: Q9's ``lineitem (l_partkey)``
   probe fetches 30 rows, the plan says 1). Priced are the distinct heap pages the fetches touch (the
   planner's Mackert–Lohman formula, with the effective cache), the first touch of each at random_page_cost
   as far as it is a disk read and at the price of a page in memory otherwise, every further touch at the
   price of a page in memory, and the planner's CPU price per row. Where that is above the planner's price,
   the difference is added. A page in memory is not free: TPC-H Q5's 1.2 million fetches from a lineitem
   held in memory ran 5× slower than today's plan.

The price is never below the planner's: both corrections only add what the planner left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..facts import PlanNode, Snapshot, TableFacts
from ..query.conditions import index_comparisons
from .candidates import distinct_values, value_frequency
from .hypopg import hypothetical_oid
from .sizing import btree_height, estimated_size_bytes
from .spec import IndexSpec

_PAGE_BYTES = 8192
_DESCENT_CPU_MULTIPLIER = 50.0
"""PostgreSQL's DEFAULT_PAGE_CPU_MULTIPLIER: the CPU charge per B-tree page descended, in cpu_operator_costs."""
_PROBES = frozenset({"Index Scan", "Index Only Scan", "Bitmap Index Scan"})
_FETCHES = frozenset({"Index Scan", "Index Only Scan"})
"""Scans that fetch their rows one by one, in the index's order (a bitmap scan reads its pages in order)."""
_DEFAULTS = {
    "random_page_cost": 4.0,
    "seq_page_cost": 1.0,
    "cpu_tuple_cost": 0.01,
    "cpu_index_tuple_cost": 0.005,
    "cpu_operator_cost": 0.0025,
}
_DEFAULT_CACHE_PAGES = 524_288.0
"""effective_cache_size's default, 4 GB in 8 kB pages."""
_IN_MEMORY_TOUCH = 0.7
"""A touch of a heap page in memory, in seq_page_costs. TPC-H SF1, all in memory, the indexes built: an inner
scan's fetches ran at 0.46–0.81 of what a cost unit of the rest of the plan took (docs/design.md)."""


@dataclass(frozen=True)
class _CostSettings:
    random_page: float
    seq_page: float
    cpu_per_row: float
    """cpu_tuple_cost + cpu_index_tuple_cost + cpu_operator_cost: what the planner charges a fetched row."""
    cpu_operator: float
    cache_pages: float

    @classmethod
    def of(cls, snapshot: Snapshot) -> _CostSettings:
        def number(name: str) -> float:
            setting = snapshot.server.setting(name)
            try:
                return float(setting.value) if setting else _DEFAULTS[name]
            except ValueError:
                return _DEFAULTS[name]

        return cls(
            random_page=number("random_page_cost"),
            seq_page=number("seq_page_cost"),
            cpu_per_row=number("cpu_tuple_cost") + number("cpu_index_tuple_cost") + number("cpu_operator_cost"),
            cpu_operator=number("cpu_operator_cost"),
            cache_pages=_cache_pages(snapshot),
        )


def _cache_pages(snapshot: Snapshot) -> float:
    setting = snapshot.server.setting("effective_cache_size")
    if setting is None:
        return _DEFAULT_CACHE_PAGES
    units = {"8kB": 8192, "kB": 1024, "MB": 1 << 20, "GB": 1 << 30}
    try:
        return float(setting.value) * units.get(setting.unit or "8kB", _PAGE_BYTES) / _PAGE_BYTES
    except ValueError:
        return _DEFAULT_CACHE_PAGES


def pages_fetched(fetches: float, pages: float, cache_pages: float) -> float:
    """Distinct pages ``fetches`` random row fetches touch in a relation of ``pages`` pages, as PostgreSQL's
    index_pages_fetched (Mackert and Lohman) estimates them, with the whole effective cache for the relation."""
    total = max(pages, 1.0)
    cache = max(cache_pages, 1.0)
    if total <= cache:
        return min(2.0 * total * fetches / (2.0 * total + fetches), total)
    limit = 2.0 * total * cache / (2.0 * total - cache)
    if fetches <= limit:
        return 2.0 * total * fetches / (2.0 * total + fetches)
    return cache + (fetches - limit) * (total - cache) / total


def scans_with_loops(root: PlanNode) -> Iterator[tuple[PlanNode, float]]:
    """Every node with the times it runs: a nested loop runs its inner side once per outer row. A Memoize
    node's cache is not credited (each outer row counts as a run)."""
    stack: list[tuple[PlanNode, float]] = [(root, 1.0)]
    while stack:
        node, loops = stack.pop()
        yield node, loops
        children = node.children
        if node.node_type == "Nested Loop" and len(children) >= 2:
            outer, inner, *rest = children
            stack.append((outer, loops))
            stack.append((inner, loops * max(outer.plan_rows, 1.0)))
            stack.extend((child, loops) for child in rest)
        else:
            stack.extend((child, loops) for child in children)


class HypotheticalPlanPrice:
    """Prices plans made on hypothetical indexes; the snapshot gives the tables, pg_stats and cost settings."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.settings = _CostSettings.of(snapshot)
        self._heights: dict[IndexSpec, int] = {}

    def total_cost(self, root: PlanNode, hypothetical: Mapping[int, IndexSpec]) -> float:
        """``hypothetical``: the specs of the plan's hypothetical indexes, by the oid HypoPG gave them."""
        added = 0.0
        for node, loops in scans_with_loops(root):
            if node.node_type not in _PROBES:
                continue
            spec = hypothetical.get(hypothetical_oid(node.index_name) or -1)
            if spec is None:
                continue
            if spec.method == "btree":
                added += loops * self._descent(spec)
            if node.node_type in _FETCHES and loops > 1.0:
                added += max(0.0, self._repeated_fetches(node, spec, loops) - loops * node.total_cost)
        return root.total_cost + added

    def _descent(self, spec: IndexSpec) -> float:
        height = self._heights.get(spec)
        if height is None:
            height = self._heights[spec] = btree_height(spec, self.snapshot)
        return (height + 1) * _DESCENT_CPU_MULTIPLIER * self.settings.cpu_operator

    def _repeated_fetches(self, node: PlanNode, spec: IndexSpec, loops: float) -> float:
        """An inner scan's price over all its loops, every touch of a page counted."""
        table = self.snapshot.table(spec.schema, spec.table)
        if table is None or table.relpages <= 0:
            return 0.0
        settings = self.settings
        per_loop = self._fetched_per_loop(node, spec, table)
        rows = loops * per_loop
        tuples = max(table.reltuples, 1.0)
        if node.node_type == "Index Only Scan":
            # The rows come from the index's leaf pages, consecutive for one probe; heap pages only for rows
            # the visibility map does not vouch for.
            leaf_pages = max(estimated_size_bytes(spec, self.snapshot) / _PAGE_BYTES, 1.0)
            touches = loops * max(1.0, per_loop * leaf_pages / tuples)
            pages = leaf_pages
            unvisible = 1.0 - min(table.relallvisible / table.relpages, 1.0)
            touches += rows * unvisible
            pages += table.relpages * unvisible
        else:
            stats = self.snapshot.stats_of(spec.schema, spec.table, spec.keys[0].column or "")
            correlation = (stats.correlation or 0.0) if stats else 0.0
            # Rows in the index's order are on consecutive heap pages as far as the correlation says.
            ordered = loops * max(1.0, per_loop * table.relpages / tuples)
            touches = rows * (1.0 - correlation**2) + ordered * correlation**2
            pages = float(table.relpages)
        distinct = pages_fetched(touches, pages, settings.cache_pages)
        in_memory = _IN_MEMORY_TOUCH * settings.seq_page
        miss = self._miss_ratio(table, pages)
        return (
            distinct * (miss * settings.random_page + (1.0 - miss) * in_memory)
            + max(touches - distinct, 0.0) * in_memory
            + rows * settings.cpu_per_row
        )

    def _miss_ratio(self, table: TableFacts, pages: float) -> float:
        """The share of first touches read from disk: of the pages, those the effective cache cannot hold, or
        fewer when the table's counters saw fewer reads from outside shared buffers (which a read from the
        OS cache still counts)."""
        miss = max(0.0, 1.0 - self.settings.cache_pages / max(pages, 1.0))
        accesses = table.heap_blks_hit + table.heap_blks_read
        if accesses >= table.relpages:
            miss = min(miss, table.heap_blks_read / accesses)
        return miss

    def _fetched_per_loop(self, node: PlanNode, spec: IndexSpec, table: TableFacts) -> float:
        """The rows one probe fetches: the plan's rows are those its Filter leaves, but the scan fetches every
        row the Index Cond matches before the Filter sees it. Estimated from pg_stats when the Index Cond is
        equalities only; otherwise the plan's rows stand."""
        comparisons = index_comparisons(node.index_cond) if node.filter and node.index_cond else None
        if not comparisons or any(c.operator != "=" for c in comparisons):
            return node.plan_rows
        share = 1.0
        for comparison in comparisons:
            stats = self.snapshot.stats_of(spec.schema, spec.table, comparison.column)
            known = value_frequency(stats, comparison.constant) if stats and comparison.constant else None
            if known is None:
                null_frac = stats.null_frac if stats else 0.0
                known = (1.0 - null_frac) / distinct_values(stats, table)
            share *= known
        return max(node.plan_rows, share * table.reltuples)
