"""The one CREATE INDEX reader on the definitions the suite's PostgreSQL prints in pg_indexes.indexdef."""

from __future__ import annotations

import psycopg
import pytest

from pgtune.errors import ExitCode, NotAnIndexDefinition
from pgtune.query.indexdef import read_index

SCHEMA = """
CREATE SCHEMA app;
CREATE TABLE app.orders (
    id bigint PRIMARY KEY, user_id bigint, created_at timestamptz, price numeric, qty numeric, status text,
    client_ref text, market_id int
);
CREATE TABLE app."Order Book" ("Price" numeric, side text, "Level" int);
CREATE TABLE app.events (at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE orders (id bigint, market_id int);
CREATE INDEX orders_user_created ON app.orders (user_id, created_at DESC NULLS LAST, price NULLS FIRST);
CREATE INDEX orders_market_incl ON app.orders (market_id) INCLUDE (price, qty);
CREATE INDEX orders_open ON app.orders (created_at) WHERE status = 'open' AND qty > 0;
CREATE INDEX orders_client_lower ON app.orders (lower(client_ref) COLLATE "C" text_pattern_ops DESC, (price * qty));
CREATE INDEX orders_created_brin ON app.orders USING brin (created_at) WITH (pages_per_range = 32);
CREATE UNIQUE INDEX orders_client_key ON app.orders (user_id, client_ref);
CREATE INDEX "Book ""Top"" Idx" ON app."Order Book" ("Price" DESC, "Level");
CREATE INDEX events_at ON ONLY app.events (at);
CREATE INDEX orders_market ON orders (market_id);
"""


def _key(column, descending=False, nulls_first=None, collation=None, opclass=None):
    return (column, descending, nulls_first, collation, opclass)


def _expect(table, keys, texts, include=(), predicate=None, method="btree", unique=False, only=False) -> dict:
    return dict(table=table, keys=keys, texts=texts, include=list(include), predicate=predicate, method=method,
                unique=unique, only=only)  # fmt: skip


EXPECTED = {
    "orders_user_created": _expect(
        "app.orders",
        [_key("user_id"), _key("created_at", True, False), _key("price", nulls_first=True)],
        ("user_id", "created_at", "price"),
    ),
    "orders_market_incl": _expect("app.orders", [_key("market_id")], ("market_id",), include=("price", "qty")),
    "orders_open": _expect(
        "app.orders",
        [_key("created_at")],
        ("created_at",),
        predicate="status = CAST('open' AS text) AND qty > CAST(0 AS numeric)",
    ),
    "orders_client_lower": _expect(
        "app.orders",
        [_key(None, True, None, "C", "text_pattern_ops"), _key(None)],
        ("lower(client_ref)", "price * qty"),
    ),
    "orders_created_brin": _expect("app.orders", [_key("created_at")], ("created_at",), method="brin"),
    "orders_client_key": _expect(
        "app.orders", [_key("user_id"), _key("client_ref")], ("user_id", "client_ref"), unique=True
    ),
    'Book "Top" Idx': _expect("app.Order Book", [_key("Price", True), _key("Level")], ("Price", "Level")),
    "events_at": _expect("app.events", [_key("at")], ("at",), only=True),
    "orders_market": _expect("public.orders", [_key("market_id")], ("market_id",)),
}


@pytest.fixture(scope="module")
def indexdefs(database) -> dict[str, str]:
    database.execute(SCHEMA)
    with database.connect() as conn:
        rows = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'app' OR indexname = 'orders_market'"
        ).fetchall()
    return dict(rows)


@pytest.mark.parametrize("name", EXPECTED)
def test_reads_the_definition_the_server_prints(indexdefs, name):
    expected = EXPECTED[name]
    index = read_index(indexdefs[name])
    assert (index.name, index.qualified_table, index.method, index.unique, index.only) == (
        name, expected["table"], expected["method"], expected["unique"], expected["only"]
    )  # fmt: skip
    assert [(k.column, k.descending, k.nulls_first, k.collation, k.opclass) for k in index.keys] == expected["keys"]
    assert (index.key_texts, [i.column for i in index.include]) == (expected["texts"], expected["include"])
    assert index.predicate == expected["predicate"] and (index.predicate_form is None) is (index.predicate is None)
    assert not (index.concurrently or index.if_not_exists)


def test_the_statement_without_a_name_builds_the_same_index(database, indexdefs):
    """What HypoPG gets (and the gate re-plans with) is the index itself: built on the server and printed
    back, it reads as the original but for its name."""
    with database.connect() as conn, conn.transaction(force_rollback=True):
        for name, definition in indexdefs.items():
            original = read_index(definition)
            conn.execute("SAVEPOINT s")
            before = _names(conn)
            conn.execute(original.statement)
            (built,) = conn.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = ANY(%s)", (sorted(_names(conn) - before),)
            ).fetchone()
            conn.execute("ROLLBACK TO SAVEPOINT s")
            rebuilt = read_index(built)
            assert (rebuilt.qualified_table, rebuilt.keys, rebuilt.include, rebuilt.only) == (
                original.qualified_table, original.keys, original.include, original.only
            ), name  # fmt: skip
            assert (rebuilt.method, rebuilt.unique, rebuilt.predicate_form) == (
                original.method, original.unique, original.predicate_form
            ), name  # fmt: skip


def _names(conn: psycopg.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT indexname FROM pg_indexes")}


def test_two_spellings_of_one_definition_read_alike(indexdefs):
    server = read_index(indexdefs["orders_open"])
    written = read_index(
        "create index  other on app.orders (created_at)\n where status = 'open'::text and (qty > 0::numeric)"
    )
    assert (written.keys, written.predicate_form, written.name) == (server.keys, server.predicate_form, "other")
    plain, pattern = read_index("CREATE INDEX ON t (a)"), read_index("CREATE INDEX ON t (a text_pattern_ops)")
    assert plain.keys != pattern.keys and plain.keys[0].column == pattern.keys[0].column == "a"


def test_migration_spellings_are_read_as_written():
    index = read_index("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a) WHERE b IS NULL")
    assert (index.schema, index.qualified_table, index.unique, index.concurrently, index.if_not_exists) == (
        None, "public.t", True, True, True
    )  # fmt: skip
    assert index.statement == "CREATE UNIQUE INDEX ON public.t (a) WHERE b IS NULL"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("SELECT * FROM orders WHERE status = 'secret'", "'SELECT * FROM orders WHERE status = $1' is not one"),
        ("CREATE INDEX ON ((", "cannot read 'CREATE INDEX ON ((' as SQL: syntax error"),
        ("CREATE INDEX a ON t (a); CREATE INDEX b ON t (b)", "is not one CREATE INDEX statement"),
        ("-- nothing", "is not one CREATE INDEX statement"),
        ("CREATE INDEX ON t (a) WHERE b = '\ud800'", "as SQL: 'utf-8' codec can't encode"),
    ],
)
def test_what_is_not_one_index_definition_is_a_typed_error(text, says):
    with pytest.raises(NotAnIndexDefinition) as raised:
        read_index(text)
    assert says in raised.value.one_line() and raised.value.exit_code == ExitCode.BAD_INPUT


def test_a_fix_is_read_by_its_first_statement():
    index = read_index("CREATE INDEX a ON t (a); ANALYZE t;", then_more=True)
    assert (index.name, index.key_texts) == ("a", ("a",))
    with pytest.raises(NotAnIndexDefinition):
        read_index("ANALYZE t; CREATE INDEX a ON t (a);", then_more=True)
