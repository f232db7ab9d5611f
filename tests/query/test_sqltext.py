"""Statement text helpers that the planner calls depend on."""

from __future__ import annotations

import pytest

from pgtune.query.sqltext import arithmetic_parameters, output_parameters, plannable_text, substitute_parameters


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("SELECT a FROM t WHERE s = $1 LIMIT $2", {1: "'open'"}, "SELECT a FROM t WHERE s = 'open' LIMIT $1"),
        ("SELECT $2, $1, $3, $2", {2: "7"}, "SELECT 7, $1, $2, 7"),
        ("SELECT '$1', $1 -- $1", {1: "2"}, "SELECT '$1', 2 -- $1"),
        ("SELECT $1", {}, "SELECT $1"),
        ("SELECT 'unterminated", {1: "2"}, "SELECT 'unterminated"),
    ],
)
def test_substitution_leaves_the_other_parameters_numbered_without_gaps(text, values, expected):
    assert substitute_parameters(text, values) == expected


def test_output_parameters_are_those_standing_alone_in_a_select_list():
    assert output_parameters("SELECT * FROM (SELECT $1 AS c0, id FROM t) s WHERE s.c0 > $2") == (1,)
    assert output_parameters("INSERT INTO t SELECT $1, $2") == (1, 2)
    assert output_parameters("UPDATE t SET a = $1 RETURNING $2") == ()
    assert output_parameters("SELECT $1::int, $2 + 1") == ()
    assert output_parameters("SELEC broken") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SELECT extract($1 FROM o_orderdate) AS y FROM orders WHERE o_orderdate >= date $2",
            "SELECT pg_catalog.extract($1, o_orderdate) AS y FROM orders WHERE o_orderdate >= $2::date",
        ),
        (
            "SELECT EXTRACT ( $3 from d), extract($1 FROM e) FROM t",
            "SELECT pg_catalog.extract($3, d), pg_catalog.extract($1, e) FROM t",
        ),
        ("SELECT extract(year FROM d) FROM t", "SELECT extract(year FROM d) FROM t"),
        ("SELECT '$1 FROM', extract FROM t", "SELECT '$1 FROM', extract FROM t"),
    ],
)
def test_an_extract_field_pg_stat_statements_made_a_parameter_is_written_as_the_function_call(text, expected):
    assert plannable_text(text) == expected


def test_arithmetic_parameters_are_those_with_a_parameter_on_both_sides():
    text = "SELECT 1 FROM t WHERE d BETWEEN $4 - $5 AND $6 + $7 AND x = $1 * y AND $2 || $3 = z"
    assert arithmetic_parameters(text) == (4, 5, 6, 7)
    assert arithmetic_parameters("SELEC broken") == ()
