"""Plans that fetch many rows through a new index inside a nested loop are not taken at the planner's word."""

from __future__ import annotations

from pgtune.facts import PlanNode
from pgtune.whatif.costing import nested_loop_fetches


def _scan(rows: float, index: str | None = None, node_type: str = "Index Scan") -> PlanNode:
    return PlanNode(node_type, 0.0, 10.0, rows, index_name=index)


def _loop(outer: PlanNode, inner: PlanNode) -> PlanNode:
    return PlanNode("Nested Loop", 0.0, 100.0, outer.plan_rows * inner.plan_rows, children=(outer, inner))


NEW = "<13001>btree_lineitem_l_suppkey"
OLD = "lineitem_pkey"


def test_fetches_are_outer_rows_times_the_new_index_rows_per_loop():
    plan = _loop(_scan(2000, "<13002>btree_supplier_s_nationkey"), _scan(600, NEW))
    assert nested_loop_fetches(plan, {13001}) == 1_200_000
    assert nested_loop_fetches(plan, {13001, 13002}) == 1_200_000


def test_existing_indexes_and_outer_sides_do_not_count():
    assert nested_loop_fetches(_loop(_scan(2000, NEW), _scan(600, OLD)), {13001}) == 0
    assert nested_loop_fetches(_scan(5_000_000, NEW), {13001}) == 0


def test_the_largest_nested_loop_counts():
    inner = PlanNode("Materialize", 0.0, 1.0, 600, children=(_scan(600, NEW),))
    small = _loop(_scan(10, "t"), _scan(5, NEW))
    plan = PlanNode("Hash Join", 0.0, 1.0, 1.0, children=(small, _loop(_scan(300, "x", "Seq Scan"), inner)))
    assert nested_loop_fetches(plan, {13001}) == 180_000
