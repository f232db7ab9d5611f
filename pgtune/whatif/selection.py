"""Workload-wide selection: grow the configuration one index at a time by the best net saving per byte.

In the style of "Extend" (Schlosser, Kossmann, Boissier, 2019): each step adds the candidate (often a
wider variant of one already chosen) whose saving, net of its write cost, per byte of storage is best,
within the budget. A step may add a bundle: the indexes of an OR's branches, which a BitmapOr needs all
of, are also tried together (one of them alone often saves nothing, so a greedy of single indexes would
never start the pair). As in Extend, a wider index replaces a chosen one it serves (unless the narrower one
still pays its way), and an index no statement's plan uses any more after a step is dropped again; so is one
the rest of the set no longer pays for (``revise``). A candidate is planned only for the statements it could
still speed up beside the chosen indexes. Ties are broken by the index definition, so the choice is
deterministic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..facts import Snapshot
from .candidates import Candidate, Lost, existing_specs
from .costing import CostModel, PlanCost, helped_statements
from .hypopg import CandidateRefused
from .revise import AddedWrites, Revision, remaining_ms, saving, still_used
from .spec import IndexSpec
from .workload import WorkloadStatement, timed_by_plans
from .writes import WriteRates, spec_columns, write_rates


@dataclass(frozen=True)
class SelectionSettings:
    budget_bytes: int
    min_saving_ms_per_day: float = 1.0
    size_margin: float = 1.0
    """Estimated sizes count this much against the budget, so that it holds on the real builds."""
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
        return saving(self.calls_per_day * self.mean_exec_ms, self.cost_before, self.cost_after)


@dataclass(frozen=True)
class ChosenIndex:
    spec: IndexSpec
    size_bytes: int
    write_cost_ms_per_day: float
    saving_ms_per_day: float
    """Gross: the statements' saving shared out among the chosen indexes each plan uses."""
    statements: tuple[StatementOutcome, ...]
    reasons: tuple[str, ...]
    write_basis: str = ""
    """Where the write rates came from and what they are (the evidence of the write cost)."""

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
    refused: tuple[tuple[IndexSpec, str], ...] = ()
    """Candidates HypoPG would not create, with its error: left out of the selection."""
    lost: tuple[Lost, ...] = ()
    """Indexes statements would have had that could not be made, and why (see candidates.Lost)."""
    workload: tuple[WorkloadStatement, ...] = ()
    """The statements as the selection weighed them: those no measurement timed, timed from their plans."""

    @property
    def used_bytes(self) -> int:
        return sum(c.size_bytes for c in self.chosen)


def write_cost_ms_per_day(spec: IndexSpec, snapshot: Snapshot) -> float:
    """What maintaining the index adds a day, from the write rates over the reads' window (``writes``)."""
    return write_rates(snapshot).cost_ms_per_day(spec)


def select(
    candidates: Sequence[Candidate],
    workload: Sequence[WorkloadStatement],
    model: CostModel,
    snapshot: Snapshot,
    size_of: Callable[[IndexSpec], int],
    settings: SelectionSettings,
    writes: WriteRates | None = None,
) -> IndexSelection:
    writes = writes or write_rates(snapshot)
    base = {s.key: model.cost(s, frozenset()) for s in workload}
    if model.verified:
        # The planner's costs without a new index: what times the statements no measurement timed.
        workload = timed_by_plans(workload, {key: cost.total_cost for key, cost in base.items()})
    by_key = {s.key: s for s in workload}
    current = dict(base)
    chosen: set[IndexSpec] = set()
    sizes, refused = _sizes(candidates, size_of)
    candidates = [c for c in candidates if c.spec in sizes]
    shares = {c.spec: c.row_share for c in candidates}

    def added_writes(new: Iterable[IndexSpec], beside: set[IndexSpec]) -> float:
        return writes.added_ms_per_day({s: shares[s] for s in new}, {s: shares[s] for s in beside})

    pool = sorted(candidates, key=lambda c: c.spec.sort_key)
    options = sorted(
        {(c.spec,) for c in pool} | {bundle for c in pool for bundle in c.bundles if all(s in sizes for s in bundle)},
        key=_option_key,
    )
    # An index can help statements other than the ones that suggested it.
    helped = helped_statements((c.spec for c in pool), workload)
    position = {s.key: n for n, s in enumerate(workload)}
    fit = _Fit(by_key)
    existing = frozenset(existing_specs(snapshot))
    revision = Revision(by_key, base, current, added_writes, model, settings.min_saving_ms_per_day)
    for _ in range(settings.max_steps):
        useful = {c.spec: fit.useful(c.spec, helped[c.spec], chosen | existing) for c in pool}
        best = _best_step(
            options, chosen, by_key, base, current, useful, position, sizes, added_writes, model, settings
        )
        if best is None:
            break
        option, outcome = best
        displaced = {spec for key in outcome for spec in current[key].used}
        chosen.update(option)
        current.update(outcome)
        for spec in option:
            chosen = revision.without_served(spec, chosen)
        chosen = still_used(chosen, workload, model, current)
        chosen, unpaid = revision.without_unpaid(chosen, displaced)
        # An index the set no longer pays for is not offered again: the set it was dropped from only grows.
        options = [o for o in options if unpaid.isdisjoint(o)]
    final = {s.key: model.cost(s, frozenset(chosen)) for s in workload}
    # A step plans only the statements its index could still speed up, so the whole configuration may plan a
    # statement on another chosen index that ties with the one it was chosen for: one left unused is dropped.
    chosen = still_used(chosen, workload, model, final)
    return IndexSelection(
        chosen=_attribute(chosen, candidates, workload, base, final, sizes, shares, writes),
        budget_bytes=settings.budget_bytes,
        candidates_considered=len(candidates),
        statements_considered=len(workload),
        planner_calls=model.planner_calls,
        cache_hits=model.cache_hits,
        verified=model.verified,
        workload_ms_per_day=sum(s.ms_per_day for s in workload),
        unplannable=tuple((by_key[k].display_text, c.error) for k, c in sorted(base.items()) if c.error),
        outcomes=tuple(_outcome(s, base, final) for s in workload),
        refused=refused,
        workload=tuple(workload),
    )


def _sizes(
    candidates: Sequence[Candidate], size_of: Callable[[IndexSpec], int]
) -> tuple[dict[IndexSpec, int], tuple[tuple[IndexSpec, str], ...]]:
    """Each candidate's size; one HypoPG refuses is left out, with its reason, and the rest goes on."""
    sizes: dict[IndexSpec, int] = {}
    refused: list[tuple[IndexSpec, str]] = []
    for candidate in candidates:
        try:
            sizes[candidate.spec] = size_of(candidate.spec)
        except CandidateRefused as exc:
            refused.append((candidate.spec, exc.reason))
    return sizes, tuple(refused)


class _Fit:
    """Which statements a candidate could still make faster, given the indexes chosen or already there.

    A B-tree whose leading keys the statement uses are also the leading keys of a chosen or existing index
    offers it no access path that index lacks, unless it covers every column the statement reads there (an
    index-only scan). Such statements are neither planned nor counted for it: Extend's widenings of a
    chosen index then plan only the statements that use the added key, and a copy of a primary key with a
    column INCLUDEd is not credited with the lookups the primary key does as well (HypoPG's estimate of a
    hypothetical index can price them below the real one's).
    """

    def __init__(self, by_key: dict[str, WorkloadStatement]) -> None:
        self.by_key = by_key
        self._fits: dict[IndexSpec, list[tuple[str, int, bool]]] = {}

    def useful(self, spec: IndexSpec, keys: list[str], chosen: set[IndexSpec]) -> list[str]:
        if spec.method != "btree" or spec.predicate is not None:
            return keys
        shared = max((_common_prefix(spec, rival) for rival in chosen), default=0)
        if not shared:
            return keys
        fits = self._fits.get(spec)
        if fits is None:
            fits = self._fits[spec] = [(k, self._served_prefix(spec, k), self._covered(spec, k)) for k in keys]
        return [k for k, prefix, covered in fits if not (0 < prefix <= shared and not covered)]

    def _served_prefix(self, spec: IndexSpec, key: str) -> int:
        """How many of the leading keys the statement filters, joins, sorts or groups on."""
        columns = self.by_key[key].referenced_columns(spec.schema, spec.table)
        served = 0
        while served < len(spec.keys) and spec.keys[served].column in columns:
            served += 1
        return served

    def _covered(self, spec: IndexSpec, key: str) -> bool:
        statement = self.by_key[key]
        accesses = [a for a in statement.shape.tables if (a.table.schema, a.table.name) == (spec.schema, spec.table)]
        held = {k.column for k in spec.keys} | set(spec.include)
        needed = statement.referenced_columns(spec.schema, spec.table).union(*(a.columns_read for a in accesses))
        return not any(a.reads_all_columns for a in accesses) and needed <= held


def _common_prefix(spec: IndexSpec, rival: IndexSpec) -> int:
    """Leading keys ``rival`` shares with ``spec``, when it is a plain B-tree on the same table."""
    if (rival.schema, rival.table, rival.method, rival.predicate) != (spec.schema, spec.table, "btree", None):
        return 0
    shared = 0
    for ours, theirs in zip(spec.keys, rival.keys, strict=False):
        if ours != theirs:
            break
        shared += 1
    return shared


Option = tuple[IndexSpec, ...]
"""What one step adds: a single index, or the indexes of an OR's branches together."""


def _option_key(option: Option) -> tuple:
    return tuple(spec.sort_key for spec in option)


def _best_step(
    options: Sequence[Option],
    chosen: set[IndexSpec],
    by_key: dict[str, WorkloadStatement],
    base: dict[str, PlanCost],
    current: dict[str, PlanCost],
    helped: dict[IndexSpec, list[str]],
    position: dict[str, int],
    sizes: dict[IndexSpec, int],
    added_writes: AddedWrites,
    model: CostModel,
    settings: SelectionSettings,
) -> tuple[Option, dict[str, PlanCost]] | None:
    """The option with the best net saving per byte (ties: the first by definition), and its costs.

    A statement can save at most what it still costs, so what a candidate's statements still cost bounds
    its gain. Candidates are tried from the best bound down, each one's statements from the costliest down,
    and planning stops as soon as the bound, tightened by the costs planned so far, can no longer beat (or
    tie) the best score: the choice is the one trying every candidate on every statement would make.
    """
    used = sum(sizes[s] for s in chosen)
    left = {key: remaining_ms(statement, base[key], current[key]) for key, statement in by_key.items()}
    bounds = []
    option_size: dict[Option, int] = {}
    option_helped: dict[Option, list[str]] = {}
    option_writes: dict[Option, float] = {}
    for option in options:
        new = [s for s in option if s not in chosen]
        if len(new) < len(option) or any(sizes[s] <= 0 for s in new):
            # A bundle partly chosen already is what its remaining single indexes offer.
            continue
        size = sum(sizes[s] for s in new)
        if (used + size) * settings.size_margin > settings.budget_bytes:
            continue
        keys = helped[new[0]] if len(new) == 1 else sorted({k for s in new for k in helped[s]}, key=position.get)
        option_size[option], option_helped[option] = size, keys
        option_writes[option] = added_writes(new, chosen)
        net_bound = sum(left[key] for key in keys) - option_writes[option]
        if net_bound >= settings.min_saving_ms_per_day:
            bounds.append((net_bound, option))
    bounds.sort(key=lambda item: (-item[0] / option_size[item[1]], _option_key(item[1])))

    def change(key: str, cost: PlanCost) -> float:
        ms_per_day, before = by_key[key].ms_per_day, base[key].total_cost
        return saving(ms_per_day, before, cost.total_cost) - saving(ms_per_day, before, current[key].total_cost)

    def plan(option: Option, bound: float, floor: float) -> dict[str, PlanCost] | None:
        """The statements' costs with ``option`` added, or None once the net saving must fall below ``floor``."""
        trial = frozenset(chosen.union(option))
        outcome = {}
        for key in sorted(option_helped[option], key=lambda k: -left[k]):
            outcome[key] = model.cost(by_key[key], trial)
            bound += change(key, outcome[key]) - left[key]
            if bound < floor:
                return None
        return outcome

    best: tuple[float, Option, dict[str, PlanCost]] | None = None
    for net_bound, option in bounds:
        size = option_size[option]
        # A little slack for the sums' rounding: a tie must still be planned, as it may win on definition.
        least_score = None if best is None else best[0] - 1e-9 * abs(best[0])
        if least_score is not None and net_bound / size < least_score:
            break
        floor = settings.min_saving_ms_per_day
        outcome = plan(option, net_bound, floor if least_score is None else max(floor, least_score * size))
        if outcome is None:
            continue
        # Summed in the statements' own order, so that equal choices get equal scores.
        net = sum(change(k, outcome[k]) for k in option_helped[option]) - option_writes[option]
        if net < settings.min_saving_ms_per_day:
            continue
        score = net / size
        if best is None or score > best[0] or (score == best[0] and _option_key(option) < _option_key(best[1])):
            best = (score, option, outcome)
    return None if best is None else (best[1], best[2])


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
    shares: dict[IndexSpec, float],
    writes: WriteRates,
) -> tuple[ChosenIndex, ...]:
    reasons = {c.spec: c.reasons for c in candidates}
    write_costs = writes.attributed_ms_per_day({spec: shares[spec] for spec in chosen})
    on_table = Counter((spec.schema, spec.table) for spec in chosen)
    results = []
    for spec in sorted(chosen, key=lambda s: s.sort_key):
        outcomes = []
        gross = 0.0
        for statement in workload:
            used = final[statement.key].used
            if spec not in used:
                continue
            outcome = _outcome(statement, base, final)
            outcomes.append(outcome)
            gross += outcome.saving_ms_per_day / len(used)
        results.append(
            ChosenIndex(
                spec=spec,
                size_bytes=sizes[spec],
                write_cost_ms_per_day=write_costs[spec],
                saving_ms_per_day=gross,
                statements=tuple(sorted(outcomes, key=lambda o: -o.saving_ms_per_day)),
                reasons=reasons.get(spec, ()),
                write_basis=_write_basis(spec, writes, on_table[spec.schema, spec.table]),
            )
        )
    return tuple(sorted(results, key=lambda c: (-c.net_saving_ms_per_day, c.spec.sort_key)))


def _write_basis(spec: IndexSpec, writes: WriteRates, new_on_table: int) -> str:
    table = writes.of(spec.schema, spec.table)
    if table is None:
        return ""
    lost = table.lost_hot_per_day(spec_columns(spec)) if spec.method != "brin" else 0.0
    text = table.describe()
    if lost:
        indexes = table.existing_indexes + new_on_table
        text += f"; {lost:,.0f} HOT updates a day would no longer be HOT and enter all {indexes} indexes"
    return text
