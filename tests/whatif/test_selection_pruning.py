"""Selection plans only the candidates whose bound can still win, and chooses what trying them all chose.

The expected indexes were chosen by the exhaustive loop (every candidate planned at every step) on the same
exchange data and workload; the pruned selection must choose the same ones with fewer planner calls.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from pgtune.collectors import CollectOptions, collect
from pgtune.collectors.catalog import catalog_from_snapshot
from pgtune.db import connect
from pgtune.demo.exchange import Sizes, load, statement_variants
from pgtune.query import model_statement
from pgtune.query.model import ParseFailure, QualifiedName, SortKey
from pgtune.whatif import selection
from pgtune.whatif.advise import IndexAdvisorSettings, advise_indexes
from pgtune.whatif.budget import Budget
from pgtune.whatif.candidates import generate
from pgtune.whatif.costing import helped_statements, relevant
from pgtune.whatif.revise import saving
from pgtune.whatif.spec import IndexKey, IndexSpec
from pgtune.whatif.workload import WorkloadStatement

from .shapes import expr_pred, statement

SIZES = Sizes.for_scale(0.002)
BUDGET = Budget.parse("2MB")

# What the exhaustive loop chose and how many plans it asked for (planner, heuristic).
EXHAUSTIVE_PLANNER_CHOICE = [
    "ON public.orders (user_id, status) INCLUDE (market_id, price, side)",
    "ON public.deposits (user_id, asset DESC) INCLUDE (amount, created_at, status, tx_hash)",
    "ON public.trades (market_id, taker_side DESC) INCLUDE (executed_at, price, qty, trade_id)",
    "ON public.trades (taker_user_id, market_id) INCLUDE (trade_id)",
    "ON public.deposits (user_id, tx_hash DESC) INCLUDE (asset, created_at, deposit_id)",
    "ON public.trades (market_id, qty) INCLUDE (executed_at, fee, price)",
    "ON public.orders (market_id, side DESC)",
    "ON public.orders (market_id, user_id DESC) INCLUDE (filled_qty)",
    "ON public.orders (user_id) INCLUDE (filled_qty)",
    "ON public.deposits (user_id) INCLUDE (amount, created_at, deposit_id)",
    "ON public.withdrawals (user_id, withdrawal_id) INCLUDE (address, requested_at, status)",
    "ON public.withdrawals (user_id, amount) INCLUDE (asset, requested_at)",
    "ON public.trades (market_id)",
    "ON public.withdrawals (user_id, requested_at) INCLUDE (asset)",
    "ON public.withdrawals (user_id) INCLUDE (amount, asset, requested_at, status)",
    "ON public.deposits (user_id) INCLUDE (created_at, deposit_id, status, tx_hash)",
    "ON public.withdrawals (user_id, amount) INCLUDE (address, withdrawal_id)",
    "ON public.orders (user_id, side DESC)",
    "ON public.deposits (user_id, status DESC)",
]
EXHAUSTIVE_PLANNER_CALLS = 1895
EXHAUSTIVE_HEURISTIC_CHOICE = [
    "ON public.deposits (user_id)",
    "ON public.orders (user_id)",
    "ON public.withdrawals (user_id)",
    "ON public.trades (market_id)",
    "ON public.orders (market_id)",
    "ON public.trades (taker_user_id)",
]
EXHAUSTIVE_HEURISTIC_CALLS = 1403


def variants_workload(snapshot, count: int) -> tuple[WorkloadStatement, ...]:
    """The scale bench's statements with fixed rates and times, so the choice does not depend on a clock."""
    catalog = catalog_from_snapshot(snapshot)
    rng = random.Random(17)
    workload = {}
    for variant in statement_variants(count, 5, SIZES):
        shape = model_statement(variant.sql.replace("%s", "$1"), catalog)
        assert not isinstance(shape, ParseFailure)
        workload[shape.fingerprint] = WorkloadStatement(
            shape.fingerprint, shape.text, shape, rng.uniform(100, 50_000), rng.uniform(0.5, 20), calls=1
        )
    return tuple(workload[key] for key in sorted(workload))


@pytest.fixture(scope="module")
def exchange(database):
    with database.connect() as connection:
        load(connection, SIZES)
    with connect(database.dsn) as session:
        snapshot = collect(session, CollectOptions(plans=False))
    # No write rate: the load's own inserts may or may not reach the statistics before their reset.
    quiet = tuple(
        dataclasses.replace(t, n_tup_ins=0, n_tup_upd=0, n_tup_del=0, n_tup_hot_upd=0) for t in snapshot.tables
    )
    snapshot = dataclasses.replace(snapshot, tables=quiet, statements=())
    return snapshot, variants_workload(snapshot, 60)


def _chosen(selection) -> list[str]:
    return [c.spec.sql_body() for c in selection.chosen]


def test_planner_verified_choice_is_the_exhaustive_one(exchange, database):
    snapshot, workload = exchange
    with connect(database.dsn) as session:
        selection = advise_indexes(snapshot, workload, session, IndexAdvisorSettings(budget=BUDGET))
    assert selection.verified
    assert _chosen(selection) == EXHAUSTIVE_PLANNER_CHOICE
    assert 0 < selection.planner_calls < EXHAUSTIVE_PLANNER_CALLS


def test_heuristic_choice_is_the_exhaustive_one(exchange):
    snapshot, workload = exchange
    selection = advise_indexes(snapshot, workload, None, IndexAdvisorSettings(budget=BUDGET, use_hypopg=False))
    assert _chosen(selection) == EXHAUSTIVE_HEURISTIC_CHOICE
    assert 0 < selection.planner_calls < EXHAUSTIVE_HEURISTIC_CALLS


def test_statements_are_filed_under_the_indexes_relevant_to_them(exchange):
    snapshot, workload = exchange
    table = QualifiedName("public", "users")
    by_email = statement(
        "e", "SELECT 1 FROM users WHERE lower(email) = $1", table, (expr_pred(table, "lower(email)", ("email",)),)
    )
    sorted_by = statement("s", "SELECT 1 FROM users ORDER BY created_at", table, sort=(SortKey(table, "created_at"),))
    statements = (*workload, by_email, sorted_by)
    specs = [c.spec for c in generate(statements, snapshot)] + [
        IndexSpec("public", "users", (IndexKey(None, "lower(email)"),)),
        IndexSpec("public", "users", (IndexKey("created_at"),)),
        IndexSpec("other", "users", (IndexKey("created_at"),)),
    ]
    helped = helped_statements(specs, statements)
    assert helped == {spec: [s.key for s in statements if relevant(spec, s)] for spec in specs}
    assert helped[specs[-3]] == ["e"] and helped[specs[-2]] == ["s"] and helped[specs[-1]] == []


def _exhaustive_step(options, chosen, by_key, base, current, helped, position, sizes, added_writes, model, settings):
    """selection._best_step without its bound: every option planned on every statement it could help."""
    used = sum(sizes[s] for s in chosen)
    best = None
    for option in options:
        new = [s for s in option if s not in chosen]
        size = sum(sizes[s] for s in new)
        if len(new) < len(option) or any(sizes[s] <= 0 for s in new):
            continue
        if (used + size) * settings.size_margin > settings.budget_bytes:
            continue
        keys = sorted({k for s in new for k in helped[s]}, key=position.get)
        trial = frozenset(chosen.union(option))
        net = -added_writes(new, chosen)
        outcome = {}
        for key in keys:
            outcome[key] = model.cost(by_key[key], trial)
            ms, before = by_key[key].ms_per_day, base[key].total_cost
            net += saving(ms, before, outcome[key].total_cost)
            net -= saving(ms, before, current[key].total_cost)
        if net < settings.min_saving_ms_per_day:
            continue
        score = net / size
        key = selection._option_key(option)
        if best is None or score > best[0] or (score == best[0] and key < selection._option_key(best[1])):
            best = (score, option, outcome)
    return None if best is None else (best[1], best[2])


def test_the_exhaustive_loop_chooses_the_pinned_indexes(exchange, database, monkeypatch):
    """Where the pins come from: rerun this when the selection's semantics change, and re-pin from it."""
    snapshot, workload = exchange
    monkeypatch.setattr(selection, "_best_step", _exhaustive_step)
    with connect(database.dsn) as session:
        planned = advise_indexes(snapshot, workload, session, IndexAdvisorSettings(budget=BUDGET))
    heuristic = advise_indexes(snapshot, workload, None, IndexAdvisorSettings(budget=BUDGET, use_hypopg=False))
    assert (_chosen(planned), planned.planner_calls) == (EXHAUSTIVE_PLANNER_CHOICE, EXHAUSTIVE_PLANNER_CALLS)
    assert (_chosen(heuristic), heuristic.planner_calls) == (EXHAUSTIVE_HEURISTIC_CHOICE, EXHAUSTIVE_HEURISTIC_CALLS)
