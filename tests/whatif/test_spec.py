"""Index DDL: quoting, names within 63 bytes, INCLUDE/WHERE/USING, and which index serves which."""

from __future__ import annotations

import pickle

import pytest
from pglast import parse_sql

from pgtune.whatif.spec import IndexKey, IndexSpec

ORDERS = ("public", "orders")


CREATE = "CREATE INDEX CONCURRENTLY IF NOT EXISTS "


@pytest.mark.parametrize(
    ("spec", "ddl", "kind"),
    [
        (
            IndexSpec(*ORDERS, (IndexKey("user_id"), IndexKey("created_at", descending=True))),
            CREATE + "orders_user_id_created_at_idx ON public.orders (user_id, created_at DESC);",
            "multicolumn",
        ),
        (
            IndexSpec(*ORDERS, (IndexKey("market_id"),), include=("price", "qty")),
            CREATE + "orders_market_id_incl_price_qty_idx ON public.orders (market_id) INCLUDE (price, qty);",
            "covering",
        ),
        (
            IndexSpec(*ORDERS, (IndexKey("market_id"), IndexKey("price")), predicate="status = 'open'"),
            CREATE + "orders_market_id_price_part_idx ON public.orders (market_id, price) WHERE status = 'open';",
            "partial",
        ),
        (
            IndexSpec("public", "users", (IndexKey(None, "lower(email)"),)),
            CREATE + "users_lower_email_idx ON public.users ((lower(email)));",
            "expression",
        ),
        (
            IndexSpec("public", "trades", (IndexKey("executed_at"),), method="brin"),
            CREATE + "trades_executed_at_brin ON public.trades USING brin (executed_at);",
            "brin",
        ),
        (
            IndexSpec("Sales", "Order", (IndexKey("User Id"), IndexKey("order"))),
            CREATE + '"Order_User Id_order_idx" ON "Sales"."Order" ("User Id", "order");',
            "multicolumn",
        ),
        (
            IndexSpec(
                *ORDERS, (IndexKey("price", nulls_first=True), IndexKey("qty", descending=True, nulls_first=False))
            ),
            CREATE + "orders_price_qty_idx ON public.orders (price NULLS FIRST, qty DESC NULLS LAST);",
            "multicolumn",
        ),
    ],
)
def test_ddl(spec, ddl, kind):
    assert spec.create_sql() == ddl
    assert spec.kind == kind
    parse_sql(spec.create_sql())
    parse_sql(spec.drop_sql())
    name = ddl.split("IF NOT EXISTS ")[1].split(" ON ")[0]
    schema = ddl.split(" ON ")[1].split(".")[0]
    assert spec.drop_sql() == f"DROP INDEX CONCURRENTLY IF EXISTS {schema}.{name};"


def test_long_names_are_cut_deterministically():
    keys = tuple(IndexKey(f"a_rather_long_column_name_{i}") for i in range(4))
    spec = IndexSpec("public", "a_table_with_a_long_name", keys)
    assert len(spec.name()) == 63
    assert spec.name() == IndexSpec("public", "a_table_with_a_long_name", keys).name()
    assert spec.name() != IndexSpec("public", "a_table_with_a_long_name", (*keys[:3], IndexKey("other"))).name()


def test_long_cyrillic_names_fit_in_63_bytes_and_do_not_collide():
    table = "заявки_на_покупку_и_продажу"  # 27 letters, 54 bytes
    first = IndexSpec("public", table, (IndexKey("цена_исполнения"),))
    second = IndexSpec("public", table, (IndexKey("цена_отмены"),))
    for spec in (first, second):
        assert len(spec.name().encode()) <= 63
        assert spec.name().encode().decode() == spec.name()  # cut on a character boundary
    assert first.name() != second.name()
    assert first.name() in first.drop_sql() and second.name() not in first.drop_sql()


def test_serves():
    wide = IndexSpec(*ORDERS, (IndexKey("user_id"), IndexKey("status")), include=("price",))
    assert wide.serves(IndexSpec(*ORDERS, (IndexKey("user_id"),)))
    assert wide.serves(IndexSpec(*ORDERS, (IndexKey("user_id"),), include=("status",)))
    assert not wide.serves(IndexSpec(*ORDERS, (IndexKey("status"),)))
    assert not wide.serves(IndexSpec(*ORDERS, (IndexKey("user_id"),), include=("qty",)))
    assert not wide.serves(IndexSpec(*ORDERS, (IndexKey("user_id"),), predicate="status = 'open'"))
    assert not wide.serves(IndexSpec(*ORDERS, (IndexKey("user_id"),), method="brin"))
    assert not wide.serves(IndexSpec("public", "trades", (IndexKey("user_id"),)))


def test_covering_variants_of_the_same_keys_get_distinct_names():
    keys = (IndexKey("o_orderdate"),)
    variants = [
        IndexSpec(*ORDERS, keys, include=extra) for extra in ((), ("o_custkey",), ("o_custkey", "o_totalprice"))
    ]
    assert len({spec.name() for spec in variants}) == len(variants)


def test_a_spec_hashes_like_its_fields_and_recomputes_after_pickling():
    spec = IndexSpec("public", "orders", (IndexKey("user_id"),), include=("status",))
    twin = IndexSpec("public", "orders", (IndexKey("user_id"),), include=("status",))
    assert hash(spec) == hash(twin) and {spec: 1}[twin] == 1
    copy = pickle.loads(pickle.dumps(spec))
    assert "_hash" not in copy.__dict__ and copy == spec and hash(copy) == hash(spec)
