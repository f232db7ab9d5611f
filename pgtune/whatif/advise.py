"""The index advisor end to end: candidates, costing (HypoPG when there, heuristics otherwise), selection."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..db import Session
from ..facts import Snapshot
from .budget import DEFAULT_BUDGET, Budget
from .candidates import CandidateSettings, Lost, generate
from .costing import HeuristicCosts, PlannerCosts
from .hypopg import HypoPG
from .key_sample import KeySample
from .selection import IndexSelection, SelectionSettings, select
from .sizing import corrected_size_bytes, estimated_size_bytes
from .workload import WorkloadStatement
from .writes import write_rates

SIZE_MARGIN = 1.05
"""The selection fills the budget to 1/SIZE_MARGIN of it: real builds of the chosen sets ran up to 2 % over
the estimates (TPC-H SF1, the exchange demo), single indexes up to 9 % (docs/design.md)."""


@dataclass(frozen=True)
class IndexAdvisorSettings:
    budget: Budget = DEFAULT_BUDGET
    use_hypopg: bool = True
    candidates: CandidateSettings = field(default_factory=CandidateSettings)
    min_saving_ms_per_day: float = 1.0


def advise_indexes(
    snapshot: Snapshot,
    workload: Sequence[WorkloadStatement],
    session: Session | None,
    settings: IndexAdvisorSettings | None = None,
) -> IndexSelection:
    """Hypothetical indexes exist only inside this call: HypoPG is reset on every way out."""
    settings = settings or IndexAdvisorSettings()
    lost: list[Lost] = []
    candidates = generate(workload, snapshot, settings.candidates, lost)
    writes = write_rates(snapshot)
    selection = SelectionSettings(
        budget_bytes=settings.budget.bytes_of(snapshot.server.database_size_bytes),
        size_margin=SIZE_MARGIN,
        min_saving_ms_per_day=settings.min_saving_ms_per_day,
    )
    if session is not None and settings.use_hypopg:
        with HypoPG(session) as hypopg:
            planner = PlannerCosts(session, hypopg, snapshot)
            sample = KeySample(session, snapshot)
            chosen = select(
                candidates,
                workload,
                planner,
                snapshot,
                lambda spec: corrected_size_bytes(
                    spec, planner.size_bytes(spec), snapshot, sample.distinct_keys(spec)
                ),
                selection,
                writes,
            )
            return dataclasses.replace(chosen, lost=tuple(lost))
    chosen = select(
        candidates,
        workload,
        HeuristicCosts(snapshot),
        snapshot,
        lambda spec: estimated_size_bytes(spec, snapshot),
        selection,
        writes,
    )
    return dataclasses.replace(chosen, lost=tuple(lost))
