"""The selection's revisions of its chosen set after each step: what a statement saves, Extend's replacement
of a narrower index, indexes no plan uses any more, and indexes the set no longer pays for.

The last is not Extend's: a greedy that only adds keeps an index chosen early for a saving a later one
takes over. When the planner's plan on it is one pgtune prices above today's (``plan_price``), the index then
costs the other statements more than it still saves, and would make the workload slower once built.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from .costing import CostModel, PlanCost
from .spec import IndexSpec
from .workload import WorkloadStatement

AddedWrites = Callable[[Iterable[IndexSpec], set[IndexSpec]], float]
"""What maintaining the new indexes adds a day beside the chosen ones (an update one of those has made
non-HOT is not lost again, but enters the new indexes too)."""

NARROWER_KEPT_FOR = 0.05
"""A chosen index that a wider one serves stays only while it saves its statements this share of their time
more; otherwise the pair is what IX004 (redundant left prefix) would flag."""


def saving(ms_per_day: float, before: float, after: float) -> float:
    """Negative when the statement gets slower (a plan pgtune does not trust is priced above today's)."""
    if not before or math.isnan(before) or math.isnan(after):
        return 0.0
    return ms_per_day * (1.0 - after / before)


def remaining_ms(statement: WorkloadStatement, before: PlanCost, after: PlanCost) -> float:
    """What the statement still costs a day once ``after``'s saving on ``before`` is taken off."""
    return statement.ms_per_day - saving(statement.ms_per_day, before.total_cost, after.total_cost)


class Revision:
    """The chosen set's statements, their costs before any new index and now, and what each index costs to
    keep beside the others; ``current`` is updated in place as indexes go."""

    def __init__(
        self,
        by_key: dict[str, WorkloadStatement],
        base: dict[str, PlanCost],
        current: dict[str, PlanCost],
        added_writes: AddedWrites,
        model: CostModel,
        min_saving_ms_per_day: float,
    ) -> None:
        self.by_key, self.base, self.current = by_key, base, current
        self.added_writes, self.model, self.min_saving_ms_per_day = added_writes, model, min_saving_ms_per_day

    def _keeping(self, spec: IndexSpec, chosen: set[IndexSpec]) -> float:
        """What ``spec`` costs to maintain beside the rest of the set."""
        return self.added_writes([spec], chosen - {spec})

    def _loss(self, spec: IndexSpec, chosen: set[IndexSpec]) -> tuple[float, float, dict[str, PlanCost]]:
        """What the statements whose plans use ``spec`` would cost more a day without it (negative when they
        would cost less), what they cost now, and their costs without it."""
        users = [key for key, cost in self.current.items() if spec in cost.used]
        trial = frozenset(chosen - {spec})
        without = {key: self.model.cost(self.by_key[key], trial) for key in users}
        spent = sum(remaining_ms(self.by_key[k], self.base[k], self.current[k]) for k in users)
        loss = sum(remaining_ms(self.by_key[k], self.base[k], without[k]) for k in users) - spent
        return loss, spent, without

    def without_served(self, added: IndexSpec, chosen: set[IndexSpec]) -> set[IndexSpec]:
        """Extend's replacement: a chosen index that ``added`` serves goes, unless it still saves its
        statements a good share of what they cost (a narrower index is only a little cheaper to scan)."""
        for narrower in sorted((s for s in chosen if s != added and added.serves(s)), key=lambda s: s.sort_key):
            loss, spent, without = self._loss(narrower, chosen)
            if loss - self._keeping(narrower, chosen) < max(self.min_saving_ms_per_day, NARROWER_KEPT_FOR * spent):
                chosen = chosen - {narrower}
                self.current.update(without)
        return chosen

    def without_unpaid(self, chosen: set[IndexSpec], suspects: set[IndexSpec]) -> tuple[set[IndexSpec], set[IndexSpec]]:
        """Drop, worst first, the ``suspects`` (the indexes the last step's statements used before it) that no
        longer save the minimum beside the rest of the set, net of their write cost, as a step must to add
        one; returns the set and the indexes dropped."""
        dropped: set[IndexSpec] = set()
        suspects = suspects & chosen
        while suspects:
            losses = {
                spec: (*self._loss(spec, chosen), self._keeping(spec, chosen))
                for spec in sorted(suspects, key=lambda s: s.sort_key)
            }
            worst = min(losses, key=lambda s: (losses[s][0] - losses[s][3], s.sort_key))
            loss, _, without, keeping = losses[worst]
            if loss - keeping >= self.min_saving_ms_per_day:
                break
            chosen = chosen - {worst}
            dropped.add(worst)
            self.current.update(without)
            suspects = (suspects - {worst}) | ({spec for cost in without.values() for spec in cost.used} & chosen)
        return chosen, dropped


def still_used(
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
