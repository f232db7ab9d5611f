"""Workload-wide selection: grow the configuration one index at a time by the best net saving per byte.

In the style of "Extend" (Schlosser, Kossmann, Boissier, 2019): each step adds the candidate (often a
wider variant of one already chosen) whose saving, net of its write cost, per byte of storage is best,
within the budget; an index that no statement's plan uses any more after a step is dropped again. Ties
are broken by the index definition, so the choice is deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..facts import Snapshot
from .candidates import Candidate
from .costing import CostModel, PlanCost, helped_statements
from .spec import IndexSpec
from .workload import WorkloadStatement, table_observation_days

BTREE_MAINTENANCE_MS_PER_ROW = 0.01
"""Assumed cost of one B-tree entry insert, WAL included, on SSD: ~10 µs."""
BRIN_MAINTENANCE_MS_PER_ROW = 0.0002
"""BRIN touches its summary only when a new value widens a block range: a fraction of a B-tree insert."""


@dataclass(frozen=True)
class SelectionSettings:
    budget_bytes: int
    min_saving_ms_per_day: float = 1.0
    max_steps: int = 50


@dataclass(frozen=True)
class StatementOutcome:
    key: str
    queryid: int | None
    text: str
    calls: int
    calls_per_day: float
    mean_exec_ms: float
    cost_before: float
    cost_after: float

    @property
    def saving_ms_per_day(self) -> float:
        return _saving(self.calls_per_day * self.mean_exec_ms, self.cost_before, self.cost_after)


@dataclass(frozen=True)
class ChosenIndex:
    spec: IndexSpec
    size_bytes: int
    write_cost_ms_per_day: float
    saving_ms_per_day: float
    """Gross: the statements' saving shared out among the chosen indexes each plan uses."""
    statements: tuple[StatementOutcome, ...]
    reasons: tuple[str, ...]

    @property
    def net_saving_ms_per_day(self) -> float:
        return self.saving_ms_per_day - self.write_cost_ms_per_day


@dataclass(frozen=True)
class IndexSelection:
    chosen: tuple[ChosenIndex, ...]
    budget_bytes: int
    candidates_considered: int
    statements_considered: int
    planner_calls: int
    cache_hits: int
    verified: bool
    workload_ms_per_day: float
    unplannable: tuple[tuple[str, str], ...] = ()
    """(statement text, planner error) for statements the planner refused."""
    outcomes: tuple[StatementOutcome, ...] = ()
    """Every statement's cost before (no new index) and after (the chosen ones), in workload order."""

    @property
    def used_bytes(self) -> int:
        return sum(c.size_bytes for c in self.chosen)


def _saving(ms_per_day: float, before: float, after: float) -> float:
    if not before or math.isnan(before) or math.isnan(after) or after >= before:
        return 0.0
    return ms_per_day * (1.0 - after / before)


def write_cost_ms_per_day(spec: IndexSpec, snapshot: Snapshot) -> float:
    """Rows that must enter the index per day: inserts and non-HOT updates since the statistics reset."""
    table = snapshot.table(spec.schema, spec.table)
    if table is None:
        return 0.0
    rows = table.n_tup_ins + max(table.n_tup_upd - table.n_tup_hot_upd, 0)
    per_row = BRIN_MAINTENANCE_MS_PER_ROW if spec.method == "brin" else BTREE_MAINTENANCE_MS_PER_ROW
    return rows / table_observation_days(snapshot) * per_row


def select(
    candidates: Sequence[Candidate],
    workload: Sequence[WorkloadStatement],
    model: CostModel,
    snapshot: Snapshot,
    size_of: Callable[[IndexSpec], int],
    settings: SelectionSettings,
) -> IndexSelection:
    by_key = {s.key: s for s in workload}
    base = {s.key: model.cost(s, frozenset()) for s in workload}
    current = dict(base)
    chosen: set[IndexSpec] = set()
    sizes = {c.spec: size_of(c.spec) for c in candidates}
    write_costs = {c.spec: write_cost_ms_per_day(c.spec, snapshot) * c.row_share for c in candidates}
    pool = sorted(candidates, key=lambda c: c.spec.sort_key)
    # An index can help statements other than the ones that suggested it.
    helped = helped_statements((c.spec for c in pool), workload)
    for _ in range(settings.max_steps):
        best = _best_step(pool, chosen, by_key, base, current, helped, sizes, write_costs, model, settings)
        if best is None:
            break
        spec, outcome = best
        chosen.add(spec)
        current.update(outcome)
        chosen = _still_used(chosen, workload, model, current)
    final = {s.key: model.cost(s, frozenset(chosen)) for s in workload}
    return IndexSelection(
        chosen=_attribute(chosen, candidates, workload, base, final, sizes, write_costs),
        budget_bytes=settings.budget_bytes,
        candidates_considered=len(candidates),
        statements_considered=len(workload),
        planner_calls=model.planner_calls,
        cache_hits=model.cache_hits,
        verified=model.verified,
        workload_ms_per_day=sum(s.ms_per_day for s in workload),
        unplannable=tuple((by_key[k].display_text, c.error) for k, c in sorted(base.items()) if c.error),
        outcomes=tuple(_outcome(s, base, final) for s in workload),
    )


def _best_step(
    pool: Sequence[Candidate],
    chosen: set[IndexSpec],
    by_key: dict[str, WorkloadStatement],
    base: dict[str, PlanCost],
    current: dict[str, PlanCost],
    helped: dict[IndexSpec, list[str]],
    sizes: dict[IndexSpec, int],
    write_costs: dict[IndexSpec, float],
    model: CostModel,
    settings: SelectionSettings,
) -> tuple[IndexSpec, dict[str, PlanCost]] | None:
    """The candidate with the best net saving per byte (ties: the first by definition), and its costs.

    A statement can save at most what it still costs, so what a candidate's statements still cost bounds
    its gain. Candidates are tried from the best bound down, each one's statements from the costliest down,
    and planning stops as soon as the bound, tightened by the costs planned so far, can no longer beat (or
    tie) the best score: the choice is the one trying every candidate on every statement would make.
    """
    used = sum(sizes[s] for s in chosen)
    left = {
        key: statement.ms_per_day - _saving(statement.ms_per_day, base[key].total_cost, current[key].total_cost)
        for key, statement in by_key.items()
    }
    bounds = []
    for candidate in pool:
        spec = candidate.spec
        if spec in chosen or used + sizes[spec] > settings.budget_bytes or sizes[spec] <= 0:
            continue
        net_bound = sum(left[key] for key in helped[spec]) - write_costs[spec]
        if net_bound >= settings.min_saving_ms_per_day:
            bounds.append((net_bound, spec))
    bounds.sort(key=lambda item: (-item[0] / sizes[item[1]], item[1].sort_key))

    def change(key: str, cost: PlanCost) -> float:
        ms_per_day, before = by_key[key].ms_per_day, base[key].total_cost
        return _saving(ms_per_day, before, cost.total_cost) - _saving(ms_per_day, before, current[key].total_cost)

    def plan(spec: IndexSpec, bound: float, floor: float) -> dict[str, PlanCost] | None:
        """The statements' costs with ``spec`` added, or None once the net saving must fall below ``floor``."""
        trial = frozenset(chosen | {spec})
        outcome = {}
        for key in sorted(helped[spec], key=lambda k: -left[k]):
            outcome[key] = model.cost(by_key[key], trial)
            bound += change(key, outcome[key]) - left[key]
            if bound < floor:
                return None
        return outcome

    best: tuple[float, IndexSpec, dict[str, PlanCost]] | None = None
    for net_bound, spec in bounds:
        # A little slack for the sums' rounding: a tie must still be planned, as it may win on definition.
        least_score = None if best is None else best[0] - 1e-9 * abs(best[0])
        if least_score is not None and net_bound / sizes[spec] < least_score:
            break
        floor = settings.min_saving_ms_per_day
        outcome = plan(spec, net_bound, floor if least_score is None else max(floor, least_score * sizes[spec]))
        if outcome is None:
            continue
        # Summed in the statements' own order, so that equal choices get equal scores.
        net = sum(change(k, outcome[k]) for k in helped[spec]) - write_costs[spec]
        if net < settings.min_saving_ms_per_day:
            continue
        score = net / sizes[spec]
        if best is None or score > best[0] or (score == best[0] and spec.sort_key < best[1].sort_key):
            best = (score, spec, outcome)
    return None if best is None else (best[1], best[2])


def _still_used(
    chosen: set[IndexSpec], workload: Sequence[WorkloadStatement], model: CostModel, current: dict[str, PlanCost]
) -> set[IndexSpec]:
    """Drop indexes a wider one has superseded; costs are refreshed for the statements that change."""
    in_use = {spec for s in workload for spec in current[s.key].used}
    if in_use >= chosen:
        return chosen
    kept = chosen & in_use
    for statement in workload:
        current[statement.key] = model.cost(statement, frozenset(kept))
    return kept


def _outcome(statement: WorkloadStatement, base: dict[str, PlanCost], final: dict[str, PlanCost]) -> StatementOutcome:
    return StatementOutcome(
        key=statement.key,
        queryid=statement.queryid,
        text=statement.display_text or statement.text,
        calls=statement.calls,
        calls_per_day=statement.calls_per_day,
        mean_exec_ms=statement.mean_exec_ms,
        cost_before=base[statement.key].total_cost,
        cost_after=final[statement.key].total_cost,
    )


def _attribute(
    chosen: set[IndexSpec],
    candidates: Sequence[Candidate],
    workload: Sequence[WorkloadStatement],
    base: dict[str, PlanCost],
    final: dict[str, PlanCost],
    sizes: dict[IndexSpec, int],
    write_costs: dict[IndexSpec, float],
) -> tuple[ChosenIndex, ...]:
    reasons = {c.spec: c.reasons for c in candidates}
    results = []
    for spec in sorted(chosen, key=lambda s: s.sort_key):
        outcomes = []
        saving = 0.0
        for statement in workload:
            used = final[statement.key].used
            if spec not in used:
                continue
            outcome = _outcome(statement, base, final)
            outcomes.append(outcome)
            saving += outcome.saving_ms_per_day / len(used)
        results.append(
            ChosenIndex(
                spec=spec,
                size_bytes=sizes[spec],
                write_cost_ms_per_day=write_costs[spec],
                saving_ms_per_day=saving,
                statements=tuple(sorted(outcomes, key=lambda o: -o.saving_ms_per_day)),
                reasons=reasons.get(spec, ()),
            )
        )
    return tuple(sorted(results, key=lambda c: (-c.net_saving_ms_per_day, c.spec.sort_key)))
