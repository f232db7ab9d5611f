"""Replaying the exchange's statements as an application does: bound parameters, autocommit, fixed seed."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import psycopg

from .loader import Sizes
from .templates import TEMPLATES, Template, market, user


@dataclass(frozen=True)
class Statement:
    name: str
    sql: str
    params: tuple


def statements(n: int, seed: int, sizes: Sizes, templates: tuple[Template, ...] = TEMPLATES) -> Iterator[Statement]:
    """``n`` statements drawn by template weight, with skewed parameters; the same for the same seed."""
    rng = random.Random(seed)
    weights = [t.weight for t in templates]
    for template in rng.choices(templates, weights=weights, k=n):
        yield Statement(template.name, template.sql, template.params(rng, sizes))


def executions(template: Template, k: int, seed: int, sizes: Sizes) -> list[Statement]:
    """``k`` runs of one template with parameters fixed by ``seed`` and the template's name."""
    rng = random.Random(f"{seed}:{template.name}")
    return [Statement(template.name, template.sql, template.params(rng, sizes)) for _ in range(k)]


def replay(connection: psycopg.Connection, items: Iterable[Statement]) -> int:
    """Run each statement on an autocommit connection; returns how many ran."""
    count = 0
    for item in items:
        connection.execute(item.sql, item.params)
        count += 1
    return count


# Bases of the scale bench's variants: a table, columns to pick from, a filter and its parameters.
_VARIANT_BASES = (
    ("orders", ("order_id", "market_id", "side", "price", "qty", "filled_qty", "status", "created_at"), "user_id = %s"),
    ("orders", ("order_id", "user_id", "side", "price", "qty", "filled_qty", "created_at"), "market_id = %s"),
    ("trades", ("trade_id", "price", "qty", "fee", "taker_side", "executed_at"), "market_id = %s"),
    ("trades", ("trade_id", "market_id", "price", "qty", "fee", "executed_at"), "taker_user_id = %s"),
    ("deposits", ("deposit_id", "asset", "amount", "status", "tx_hash", "created_at"), "user_id = %s"),
    ("withdrawals", ("withdrawal_id", "asset", "amount", "status", "address", "requested_at"), "user_id = %s"),
)
_LIMITS = ("", " LIMIT 10", " LIMIT 50", " LIMIT 100")


def statement_variants(n: int, seed: int, sizes: Sizes | None = None) -> Iterator[Statement]:
    """``n`` distinct statements (distinct after normalization too): the templates' reads with other column
    lists, sort orders and limits, for benches of how pgtune scales with the number of statements."""
    sizes = sizes or Sizes.for_scale(1)
    rng = random.Random(seed)
    seen: set[tuple] = set()
    while len(seen) < n:
        table, columns, where = rng.choice(_VARIANT_BASES)
        picked = rng.sample(columns, rng.randint(1, len(columns)))
        order = f" ORDER BY {rng.choice(picked)} {rng.choice(('ASC', 'DESC'))}" if rng.random() < 0.7 else ""
        limit = rng.choice(_LIMITS)
        # pg_stat_statements folds a LIMIT's value into a parameter and ignores whether a column is selected
        # or only sorted on, so only the LIMIT's presence counts and the sort key is a selected column.
        shape = (table, where, tuple(picked), order, bool(limit))
        if shape in seen:
            continue
        seen.add(shape)
        key = market(rng) if where.startswith("market_id") else user(rng, sizes)
        text = f"SELECT {', '.join(picked)} FROM {table} WHERE {where}{order}{limit}"
        yield Statement(f"{table}_variant_{len(seen)}", text, (key,))
