"""What a statement costs under a set of indexes: asked of the planner through HypoPG, or estimated.

Planner answers are cached by (statement, the indexes relevant to it), so the number of planner calls
grows with distinct situations, not with candidates × statements.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import psycopg

from ..db import Session
from ..explain import explain_after
from ..facts import PlanNode, Snapshot
from ..query.model import PredicateOp
from .candidates import distinct_values, existing_specs
from .hypopg import CandidateRefused, HypoPG, hypothetical_oid
from .plan_price import HypotheticalPlanPrice
from .sizing import estimated_size_bytes
from .spec import IndexSpec, canonical_expression
from .workload import WorkloadStatement


@dataclass(frozen=True)
class PlanCost:
    total_cost: float
    """The planner's total cost, or the price pgtune puts on a plan it does not trust."""
    used: frozenset[IndexSpec] = frozenset()
    error: str | None = None
    nested_loop_fetches: float = 0.0
    """Estimated rows the plan fetches through a new index inside its largest nested loop."""
    planner_cost: float | None = None
    """The planner's own total cost, when ``total_cost`` is pgtune's price of the hypothetical plan."""


class CostModel(Protocol):
    planner_calls: int
    cache_hits: int
    verified: bool

    def cost(self, statement: WorkloadStatement, config: frozenset[IndexSpec]) -> PlanCost: ...


def relevant(spec: IndexSpec, statement: WorkloadStatement) -> bool:
    """Could the planner use this index for this statement at all? (Its leading key is referenced.)"""
    if not statement.touches(spec.schema, spec.table):
        return False
    leading = spec.keys[0]
    if leading.column is None:
        return any(
            p.expression is not None and canonical_expression(p.expression) == leading.expression
            for a in statement.shape.tables
            for p in a.predicates
        ) or any(k.expression == leading.expression for k in statement.shape.sort_keys)
    return leading.column in statement.referenced_columns(spec.schema, spec.table)


def helped_statements(
    specs: Iterable[IndexSpec], statements: Sequence[WorkloadStatement]
) -> dict[IndexSpec, list[str]]:
    """For each index, the keys of the statements it is ``relevant`` to, in the statements' order.

    Statements are filed once under each (table, leading key) they could use, so this costs
    candidates + statements rather than their product."""
    filed: dict[tuple[str, str, str | None, str | None], list[str]] = defaultdict(list)
    for statement in statements:
        shape = statement.shape
        expressions = {canonical_expression(p.expression) for a in shape.tables for p in a.predicates if p.expression}
        expressions.update(k.expression for k in shape.sort_keys if k.expression is not None)
        tables = dict.fromkeys((a.table.schema, a.table.name) for a in shape.tables)
        for schema, table in tables:
            leading = [(c, None) for c in sorted(statement.referenced_columns(schema, table))]
            leading += [(None, e) for e in sorted(expressions)]
            for column, expression in leading:
                filed[schema, table, column, expression].append(statement.key)
    return {spec: filed.get(_leading(spec), []) for spec in specs}


def _leading(spec: IndexSpec) -> tuple[str, str, str | None, str | None]:
    key = spec.keys[0]
    return (spec.schema, spec.table, key.column, None if key.column is not None else key.expression)


class _Cached(ABC):
    def __init__(self) -> None:
        self.planner_calls = 0
        self.cache_hits = 0
        self._cache: dict[tuple[str, frozenset[IndexSpec]], PlanCost] = {}
        self._relevant: dict[tuple[IndexSpec, str], bool] = {}

    def cost(self, statement: WorkloadStatement, config: frozenset[IndexSpec]) -> PlanCost:
        key = (statement.key, frozenset(s for s in config if self._is_relevant(s, statement)))
        if key in self._cache:
            self.cache_hits += 1
            return self._cache[key]
        self.planner_calls += 1
        result = self._compute(statement, key[1])
        self._cache[key] = result
        return result

    def _is_relevant(self, spec: IndexSpec, statement: WorkloadStatement) -> bool:
        # Asked for every index of every configuration tried: worth remembering.
        known = self._relevant.get((spec, statement.key))
        if known is None:
            known = self._relevant[spec, statement.key] = relevant(spec, statement)
        return known

    @abstractmethod
    def _compute(self, statement: WorkloadStatement, config: frozenset[IndexSpec]) -> PlanCost: ...


class PlannerCosts(_Cached):
    """Generic-plan costs with the configuration's indexes created hypothetically."""

    verified = True

    def __init__(self, session: Session, hypopg: HypoPG, snapshot: Snapshot) -> None:
        super().__init__()
        self.session = session
        self.hypopg = hypopg
        self._live: dict[IndexSpec, int] = {}
        self._price = HypotheticalPlanPrice(snapshot)

    def _compute(self, statement: WorkloadStatement, config: frozenset[IndexSpec]) -> PlanCost:
        """The hypothetical indexes ``config`` needs travel in the same string as the EXPLAIN."""
        prologue = []
        if any(spec not in config for spec in self._live):
            prologue.append(self.hypopg.reset_statement())
            self._live.clear()
        missing = sorted(config - self._live.keys(), key=lambda s: s.sort_key)
        prologue.extend(self.hypopg.create_statement(spec) for spec in missing)
        results, plan = explain_after(self.session, prologue, statement.text, statement.queryid)
        if plan.root is None and prologue:
            # The culprit may be an index of the prologue: make the configuration one index at a time
            # (HypoPG's refusals are recorded and left out), then plan the statement alone.
            self._restart()
            self._materialize(config)
            missing = []
            results, plan = explain_after(self.session, [], statement.text, statement.queryid)
        if plan.root is None:
            # What a failed string left behind is unknown: the next one starts from nothing.
            self._restart()
            return PlanCost(float("nan"), error=plan.error)
        created = results[len(results) - len(missing) :]
        self._live.update(zip(missing, (int(rows[0]["indexrelid"]) for rows in created), strict=True))
        self.hypopg.created += len(missing)
        by_oid = {oid: spec for spec, oid in self._live.items()}
        used = frozenset(
            by_oid[oid] for node in plan.root.walk() if (oid := hypothetical_oid(node.index_name)) in by_oid
        )
        fetches = nested_loop_fetches(plan.root, set(by_oid))
        price = self._price.total_cost(plan.root, by_oid)
        return PlanCost(price, used, None, fetches, plan.root.total_cost)

    def _restart(self) -> None:
        self.hypopg.reset()
        self._live.clear()

    def _materialize(self, config: frozenset[IndexSpec]) -> None:
        """Make ``config`` exist, but for the indexes HypoPG refuses; HypoPG has no drop-many, so a reset is
        cheaper past a few drops. A failed batch is retried one index at a time to find the culprit."""
        if any(spec not in config for spec in self._live):
            self._restart()
        missing = sorted(config - self._live.keys(), key=lambda s: s.sort_key)
        try:
            self._live.update(self.hypopg.create_many(missing))
        except psycopg.Error:
            self._restart()
            self._live.update(self.hypopg.create_each(sorted(config, key=lambda s: s.sort_key)))

    def size_bytes(self, spec: IndexSpec) -> int:
        """Raises CandidateRefused when HypoPG will not create the index."""
        self._materialize(frozenset(self._live) | {spec})
        if spec in self.hypopg.refused:
            raise CandidateRefused(spec, self.hypopg.refused[spec])
        return self.hypopg.size_bytes(self._live[spec])


def nested_loop_fetches(root: PlanNode, hypothetical: set[int]) -> float:
    """The most rows any nested loop fetches through the ``hypothetical`` indexes on its inner side:
    the outer side's rows times the inner scans' rows per loop."""
    most = 0.0
    for node in root.walk():
        if node.node_type != "Nested Loop" or len(node.children) != 2:
            continue
        outer, inner = node.children
        per_loop = sum(scan.plan_rows for scan in inner.walk() if hypothetical_oid(scan.index_name) in hypothetical)
        most = max(most, outer.plan_rows * per_loop)
    return most


class HeuristicCosts(_Cached):
    """Without HypoPG: a statement's cost shrinks with the selectivity of the index keys it can use.

    Relative numbers only, labelled as heuristic wherever they are shown.
    """

    verified = False

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot
        self._sizes: dict[IndexSpec, int] = {}
        # A statement an index serves today starts from that index's fraction, or a new index would be
        # credited with lookups the table already has. Partial and non-B-tree indexes are left out: the
        # fraction reads only keys, and would credit them with rows their predicate or method does not give.
        self._existing = tuple(
            spec for spec in existing_specs(snapshot) if spec.method == "btree" and spec.predicate is None
        )
        self._today: dict[str, float] = {}

    def _compute(self, statement: WorkloadStatement, config: frozenset[IndexSpec]) -> PlanCost:
        today = self._today.get(statement.key)
        if today is None:
            served = [
                self._fraction(statement, spec) for spec in self._existing if statement.touches(spec.schema, spec.table)
            ]
            today = self._today[statement.key] = min(served, default=1.0)
        if not config:
            return PlanCost(today)
        # Of indexes that tie, the planner takes the smaller (fewer pages to read); then the definition
        # decides, never the set's order, which changes from one process to the next (hash(None) is an
        # address before Python 3.12, and strings hash by PYTHONHASHSEED).
        fraction, _, _, spec = min(
            (self._fraction(statement, spec), self._size_bytes(spec), spec.sort_key, spec) for spec in config
        )
        return PlanCost(fraction, frozenset({spec})) if fraction < today else PlanCost(today)

    def _size_bytes(self, spec: IndexSpec) -> int:
        size = self._sizes.get(spec)
        if size is None:
            size = self._sizes[spec] = estimated_size_bytes(spec, self.snapshot)
        return size

    def _fraction(self, statement: WorkloadStatement, spec: IndexSpec) -> float:
        table = self.snapshot.table(spec.schema, spec.table)
        predicates = {
            (p.column or p.expression): p
            for a in statement.shape.tables
            if (a.table.schema, a.table.name) == (spec.schema, spec.table)
            for p in a.predicates
        }
        fraction = 1.0
        for key in spec.keys:
            predicate = predicates.get(key.column or key.expression)
            if predicate is None:
                break
            if predicate.op in (PredicateOp.EQ, PredicateOp.IN):
                stats = self.snapshot.stats_of(spec.schema, spec.table, key.column) if key.column else None
                fraction /= distinct_values(stats, table)
                continue
            fraction *= 0.1
            break
        return max(fraction, 0.001) if fraction < 1.0 else 1.0


def baseline(model: CostModel, statements: Iterable[WorkloadStatement]) -> dict[str, PlanCost]:
    return {s.key: model.cost(s, frozenset()) for s in statements}
