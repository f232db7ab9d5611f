"""The exchange workload: sizes, templates, variants and the expert's set (pure), then loaded on the suite's server."""

from __future__ import annotations

import re
from itertools import count

import pytest
from pglast import parser

from pgtune.demo.exchange import (
    TEMPLATES,
    Sizes,
    expert_indexes,
    expert_sql,
    load,
    replay,
    statement_variants,
    statements,
)
from pgtune.demo.exchange.templates import hash01, order_user
from pgtune.demo.exchange.workload import executions
from pgtune.errors import BadInput

TINY = Sizes.for_scale(0.01)


def _numbered(sql: str) -> str:
    numbers = count(1)
    return re.sub(r"%s", lambda _: f"${next(numbers)}", sql)


@pytest.mark.parametrize(
    ("scale", "users", "orders", "trades"),
    [(1, 100_000, 2_000_000, 3_000_000), (0.01, 1_000, 20_000, 30_000), (0.00001, 10, 20, 30)],
)
def test_sizes_follow_the_scale(scale, users, orders, trades):
    sizes = Sizes.for_scale(scale)
    assert (sizes.users, sizes.orders, sizes.trades) == (users, orders, trades)


@pytest.mark.parametrize("scale", [0, -1, 101])
def test_a_scale_out_of_range_is_bad_input(scale):
    with pytest.raises(BadInput, match="out of range"):
        Sizes.for_scale(scale)


def test_templates_are_many_named_once_and_parse():
    names = [t.name for t in TEMPLATES]
    assert len(names) >= 25 and len(set(names)) == len(names)
    assert sum(t.writes for t in TEMPLATES) >= 8
    for template in TEMPLATES:
        (raw,) = parser.parse_sql(_numbered(template.sql))
        is_write = type(raw.stmt).__name__ in {"InsertStmt", "UpdateStmt", "DeleteStmt"}
        assert is_write == template.writes, template.name


def test_each_template_gets_one_value_per_placeholder():
    for template in TEMPLATES:
        (item,) = executions(template, 1, 3, TINY)
        assert len(item.params) == template.sql.count("%s"), template.name


def test_statements_are_deterministic_and_skewed():
    first = list(statements(3000, 5, TINY))
    assert first == list(statements(3000, 5, TINY))
    assert first != list(statements(3000, 6, TINY))
    by_name = {t.name: sum(1 for s in first if s.name == t.name) for t in TEMPLATES}
    assert by_name["api_key_auth"] > 10 * by_name["volume_by_market_report"]
    users = [s.params[0] for s in first if s.name == "account_balances"]
    whales = sum(1 for u in users if u <= TINY.users // 100)
    assert whales > 0.15 * len(users)


def test_expert_set_names_the_templates_it_serves():
    indexes = expert_indexes()
    assert len(indexes) >= 12 and all(i.startswith("CREATE INDEX ") for i in indexes)
    kinds = " ".join(indexes)
    assert "USING brin" in kinds and "WHERE" in kinds and "INCLUDE" in kinds and "lower(email)" in kinds
    names = {t.name for t in TEMPLATES}
    blocks = [b for b in expert_sql().split("\n\n") if "CREATE INDEX" in b]
    assert len(blocks) == len(indexes)
    for block in blocks:
        served = {word for word in re.findall(r"\w+", block.split("CREATE INDEX")[0]) if word in names}
        assert served, block


@pytest.fixture(scope="module")
def loaded(database):
    with database.connect() as connection:
        load(connection, TINY)
    return database


def _scalar(database, query, params=None):
    with database.connect() as connection:
        return connection.execute(query, params).fetchone()[0]


def test_load_fills_every_table_at_the_scale(loaded):
    assert _scalar(loaded, "SELECT count(*) FROM trades") == TINY.trades
    assert _scalar(loaded, "SELECT count(*) FROM accounts") == 3 * TINY.users
    assert _scalar(loaded, "SELECT count(*) FROM candles") == 60 * TINY.candle_minutes
    indexes = _scalar(loaded, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname !~ '_pkey$'")
    assert indexes == 0
    assert _scalar(loaded, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'") >= 10
    share_open = _scalar(loaded, "SELECT avg((status IN ('open', 'partially_filled'))::int) FROM orders")
    assert 0.01 < share_open < 0.05


def test_python_reproduces_the_generators_hash(loaded):
    rows = _scalar(loaded, "SELECT array_agg(ARRAY[order_id, user_id]) FROM orders WHERE order_id % 97 = 0")
    assert all(order_user(order_id, TINY) == user_id for order_id, user_id in rows)
    assert 0 <= hash01(2**40) < 1


def test_the_load_is_deterministic(loaded):
    checksum = (
        "SELECT md5(string_agg(concat_ws(',', order_id, user_id, price, status), ';' ORDER BY order_id)) FROM orders"
    )
    before = _scalar(loaded, checksum)
    with loaded.connect() as connection:
        load(connection, TINY)
    assert _scalar(loaded, checksum) == before


def test_reads_hit_rows_that_exist(loaded):
    with loaded.connect() as connection:
        for template in TEMPLATES:
            if template.writes:
                continue
            found = [connection.execute(s.sql, s.params).fetchall() for s in executions(template, 5, 1, TINY)]
            assert sum(1 for rows in found if rows) >= 3, template.name


def test_replay_fills_pg_stat_statements_and_expert_indexes_build(loaded):
    loaded.reset_statements()
    with loaded.connect() as connection:
        assert replay(connection, statements(400, 2, TINY)) == 400
        for statement in expert_indexes():
            connection.execute(statement)
    distinct = _scalar(loaded, "SELECT count(*) FROM pg_stat_statements WHERE query ~* '(trades|orders|users)'")
    assert distinct >= 20


def test_variants_are_distinct_statements_for_pg_stat_statements(loaded):
    variants = list(statement_variants(300, 1, TINY))
    assert variants == list(statement_variants(300, 1, TINY))
    loaded.reset_statements()
    with loaded.connect() as connection:
        replay(connection, variants)
    tracked = "SELECT count(*) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'"
    assert _scalar(loaded, tracked) == 300
