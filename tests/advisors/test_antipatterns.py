"""pgtune.query.antipatterns: what each statement shows, and what it must not be accused of."""

from __future__ import annotations

import pytest

from pgtune.query.antipatterns import AntiPattern, AntiPatternKind, expression_key, find_antipatterns, in_list_form
from pgtune.query.model import QualifiedName

K = AntiPatternKind
ORDERS = QualifiedName(None, "orders")
PUBLIC_ORDERS = QualifiedName("public", "orders")


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT * FROM orders ORDER BY id LIMIT 50 OFFSET 10000", (AntiPattern(K.OFFSET, ORDERS, value=10000),)),
        ("SELECT * FROM orders ORDER BY id LIMIT 50 OFFSET $1", ()),
        (
            "SELECT id FROM orders WHERE user_id NOT IN (SELECT id FROM users)",
            (AntiPattern(K.NOT_IN_SUBQUERY, ORDERS, "user_id"),),
        ),
        ("SELECT id FROM orders WHERE status NOT IN (1, 2, 3)", ()),
        ("SELECT id FROM orders WHERE user_id IN (SELECT id FROM users)", ()),
        (
            "SELECT o.id FROM public.orders o WHERE date(o.created_at) = $1",
            (AntiPattern(K.FUNCTION_ON_COLUMN, PUBLIC_ORDERS, "created_at", "date(o.created_at)"),),
        ),
        (
            "SELECT id FROM orders WHERE id::text = $1",
            (AntiPattern(K.CAST_ON_COLUMN, ORDERS, "id", "id::text"),),
        ),
        ("SELECT id FROM orders WHERE created_at > now() - interval '1 day'", ()),
        (
            "SELECT id FROM orders WHERE date(created_at) BETWEEN $1 AND $2",
            (AntiPattern(K.FUNCTION_ON_COLUMN, ORDERS, "created_at", "date(created_at)"),),
        ),
        (
            "SELECT id FROM orders WHERE user_id::text = ANY($1)",
            (AntiPattern(K.CAST_ON_COLUMN, ORDERS, "user_id", "user_id::text"),),
        ),
        ("SELECT id FROM orders WHERE coalesce(note, '') <> ''", ()),
        ("SELECT id FROM orders WHERE created_at = $1::timestamptz", ()),
        (
            "UPDATE users SET name = $2 WHERE lower(email) = $1",
            (AntiPattern(K.FUNCTION_ON_COLUMN, QualifiedName(None, "users"), "email", "lower(email)"),),
        ),
        (
            "DELETE FROM orders USING users u WHERE u.id = orders.user_id AND u.email LIKE '%@spam.io'",
            (AntiPattern(K.LEADING_WILDCARD, QualifiedName(None, "users"), "email", "LIKE"),),
        ),
        (
            "SELECT id FROM markets WHERE symbol ILIKE '%' || $1 || '%'",
            (AntiPattern(K.LEADING_WILDCARD, QualifiedName(None, "markets"), "symbol", "ILIKE"),),
        ),
        ("SELECT id FROM markets WHERE symbol LIKE 'BTC%'", ()),
        (
            "SELECT id FROM users WHERE email = $1 OR phone = $2",
            (AntiPattern(K.OR_ACROSS_COLUMNS, QualifiedName(None, "users"), detail="email, phone"),),
        ),
        ("SELECT id FROM orders WHERE status = 1 OR status = 2", ()),
        ("SELECT id FROM orders WHERE (user_id = 1 AND status = 2) OR user_id = 3", ()),
        ("SELECT id FROM orders WHERE $1::int IS NULL OR user_id = $1", ()),
        ("SELECT count(*) FROM orders", (AntiPattern(K.COUNT_WHOLE_TABLE, ORDERS),)),
        ("SELECT count(1) FROM orders", (AntiPattern(K.COUNT_WHOLE_TABLE, ORDERS),)),
        ("SELECT count(*) FROM orders WHERE user_id = $1", ()),
        ("SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id", ()),
        ("SELECT count(*) FILTER (WHERE status = 1) FROM orders", ()),
        (
            "SELECT o.id FROM orders o JOIN users u ON lower(u.email) = o.note",
            (AntiPattern(K.FUNCTION_ON_COLUMN, QualifiedName(None, "users"), "email", "lower(u.email)"),),
        ),
    ],
)
def test_finds_exactly_these(sql, expected):
    assert find_antipatterns(sql) == expected


@pytest.mark.parametrize("bad", ["SELECT FROM WHERE (", "", "\x00", "SELECT 1; SELEC 2"])
def test_bad_input_gives_nothing(bad):
    assert find_antipatterns(bad) == ()


def test_not_in_over_an_expression_has_no_column():
    (found,) = find_antipatterns("SELECT 1 FROM orders WHERE lower(note) NOT IN (SELECT note FROM users)")
    assert found == AntiPattern(K.NOT_IN_SUBQUERY, ORDERS, None)


def test_unknown_alias_leaves_the_table_unknown():
    (found,) = find_antipatterns("SELECT 1 FROM orders o, users u WHERE date(x.created_at) = $1")
    assert found.table is None and found.column == "created_at"


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("lower(email)", "lower((email)::text)"),
        ("lower(u.email)", "lower((email)::text)"),
        ("date(created_at)", "date(created_at)"),
        ("id::text", "((id)::character varying(20))"),
    ],
)
def test_expression_key_meets_the_index_expression(query, index):
    assert expression_key(query) == expression_key(index)


def test_expression_key_tells_different_functions_apart():
    assert expression_key("lower(email)") != expression_key("upper(email)")


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT * FROM t WHERE a IN ($1, $2, $3)", ("SELECT * FROM t WHERE a IN (...)", 3)),
        (
            "SELECT * FROM t WHERE a IN ($1) AND b NOT IN (1, 'x')",
            ("SELECT * FROM t WHERE a IN (...) AND b NOT IN (...)", 3),
        ),
        (
            "SELECT * FROM t WHERE a IN ($1, $2) AND b > $3 LIMIT $4",
            ("SELECT * FROM t WHERE a IN (...) AND b > $n LIMIT $n", 2),
        ),
        ("SELECT * FROM t WHERE a = ANY($1)", None),
        ("SELECT * FROM t WHERE a IN (SELECT b FROM u)", None),
        ("SELECT * FROM t WHERE a IN ($1, b)", None),
        ("SELECT * FROM t WHERE a IN ($1 + 1)", None),
        ("SELECT * FROM t WHERE a IN ($1", None),
        ("SELECT 'unterminated", None),
    ],
)
def test_in_list_form(sql, expected):
    assert in_list_form(sql) == expected
