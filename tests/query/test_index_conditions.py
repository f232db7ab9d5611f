"""Index Conds as EXPLAIN prints them, read back into the comparisons the pricing of fetched rows needs."""

from __future__ import annotations

from pgtune.query.conditions import KeyComparison, index_comparisons


def test_equalities_against_a_probe_value_and_against_constants():
    assert index_comparisons("((l_orderkey = orders.o_orderkey) AND (l_suppkey = $1))") == (
        KeyComparison("l_orderkey", "=", None),
        KeyComparison("l_suppkey", "=", None),
    )
    assert index_comparisons("((c_mktsegment = 'BUILDING'::bpchar) AND (c_nationkey = 5))") == (
        KeyComparison("c_mktsegment", "=", "'BUILDING'"),
        KeyComparison("c_nationkey", "=", "5"),
    )


def test_ranges_keep_their_operator():
    found = index_comparisons("((l_suppkey = s.s_suppkey) AND (l_shipdate >= '1995-01-01'::date))")
    assert found == (KeyComparison("l_suppkey", "=", None), KeyComparison("l_shipdate", ">=", "'1995-01-01'"))


def test_what_is_not_a_plain_comparison_is_not_read():
    assert index_comparisons("(ps_partkey = ANY ('{1,2}'::integer[]))") is None
    assert index_comparisons("(lower(email) = 'x'::text)") is None
    assert index_comparisons("(o_orderkey = (SubPlan 1))") is None
    assert index_comparisons("((a = 1) OR (b = 2))") is None
