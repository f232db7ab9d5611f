"""Which statements a candidate is planned for once indexes are chosen: only those it could still speed up."""

from __future__ import annotations

from pgtune.query.model import PredicateOp, QualifiedName, SortKey
from pgtune.whatif.selection import _Fit
from pgtune.whatif.spec import IndexKey, IndexSpec

from .shapes import pred, statement

TRADES = QualifiedName("public", "trades")


def _spec(*keys: str, include: tuple[str, ...] = (), predicate: str | None = None, method: str = "btree"):
    return IndexSpec("public", "trades", tuple(IndexKey(k) for k in keys), include, predicate, method)


BY_MARKET = statement(
    "m", "SELECT * FROM trades WHERE market_id = $1", TRADES, (pred(TRADES, "market_id"),), reads_all=True
)
BY_PRICE = statement(
    "p",
    "SELECT * FROM trades WHERE market_id = $1 AND price > $2",
    TRADES,
    (pred(TRADES, "market_id"), pred(TRADES, "price", PredicateOp.RANGE)),
    reads_all=True,
)
LATEST = statement(
    "l",
    "SELECT * FROM trades WHERE market_id = $1 ORDER BY executed_at DESC LIMIT 10",
    TRADES,
    (pred(TRADES, "market_id"),),
    sort=(SortKey(TRADES, "executed_at", descending=True),),
    reads_all=True,
)
COUNT = statement(
    "c",
    "SELECT count(price) FROM trades WHERE market_id = $1",
    TRADES,
    (pred(TRADES, "market_id"),),
    columns_read=frozenset({"market_id", "price"}),
)
STATEMENTS = {s.key: s for s in (BY_MARKET, BY_PRICE, LATEST, COUNT)}
KEYS = list(STATEMENTS)


def test_nothing_chosen_keeps_every_statement():
    assert _Fit(STATEMENTS).useful(_spec("market_id", "price"), KEYS, set()) == KEYS


def test_a_widening_is_planned_only_for_the_statements_using_the_added_key():
    fit = _Fit(STATEMENTS)
    chosen = {_spec("market_id")}
    assert fit.useful(_spec("market_id", "price"), KEYS, chosen) == ["p", "c"]
    assert fit.useful(_spec("market_id", "executed_at"), KEYS, chosen) == ["l"]


def test_a_covering_variant_stays_useful_where_it_allows_an_index_only_scan():
    chosen = {_spec("market_id", "price")}
    assert _Fit(STATEMENTS).useful(_spec("market_id", include=("price",)), KEYS, chosen) == ["c"]


def test_partial_brin_and_unrelated_indexes_are_not_pruned():
    fit = _Fit(STATEMENTS)
    chosen = {_spec("market_id")}
    assert fit.useful(_spec("market_id", predicate="price > 100"), KEYS, chosen) == KEYS
    assert fit.useful(_spec("market_id", method="brin"), KEYS, chosen) == KEYS
    assert fit.useful(_spec("price"), KEYS, chosen) == KEYS
    partial_rival = {_spec("market_id", predicate="price > 100")}
    assert fit.useful(_spec("market_id", "price"), KEYS, partial_rival) == KEYS
