"""The index advisor end to end: candidates, costing (HypoPG when there, heuristics otherwise), selection."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..db import Session
from ..errors import BadInput
from ..facts import Snapshot
from .candidates import CandidateSettings, Lost, generate
from .costing import HeuristicCosts, PlannerCosts
from .hypopg import HypoPG
from .selection import IndexSelection, SelectionSettings, select
from .sizing import corrected_size_bytes, estimated_size_bytes
from .workload import WorkloadStatement

DEFAULT_BUDGET = "25%"
"""Of the database's size: room for new indexes unless ``--budget`` says otherwise."""
_UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}
_BUDGET = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>%|[KMGT]?B)?\s*$", re.IGNORECASE)


def parse_budget(text: str, database_size_bytes: int) -> int:
    """``2GB``, ``512MB``, ``25%`` (of the database) → bytes."""
    match = _BUDGET.match(text)
    if not match:
        raise BadInput(f"cannot read the budget {text!r}", "use a size such as 2GB or 512MB, or a share such as 25%")
    number = float(match["number"])
    unit = (match["unit"] or "").upper()
    if unit == "%":
        return int(database_size_bytes * number / 100)
    return int(number * _UNITS[unit])


@dataclass(frozen=True)
class IndexAdvisorSettings:
    budget: str = DEFAULT_BUDGET
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
    selection = SelectionSettings(
        budget_bytes=parse_budget(settings.budget, snapshot.server.database_size_bytes),
        min_saving_ms_per_day=settings.min_saving_ms_per_day,
    )
    if session is not None and settings.use_hypopg:
        with HypoPG(session) as hypopg:
            planner = PlannerCosts(session, hypopg)
            chosen = select(
                candidates,
                workload,
                planner,
                snapshot,
                lambda spec: corrected_size_bytes(spec, planner.size_bytes(spec), snapshot),
                selection,
            )
            return dataclasses.replace(chosen, lost=tuple(lost))
    chosen = select(
        candidates,
        workload,
        HeuristicCosts(snapshot),
        snapshot,
        lambda spec: estimated_size_bytes(spec, snapshot),
        selection,
    )
    return dataclasses.replace(chosen, lost=tuple(lost))
