"""What re-planning the workload under a migration's indexes found, and the arithmetic of the gate.

The workload's weighted planner cost is each top statement's planner cost after the migration relative to
before, weighted by the time the statement takes today (calls × mean time): a statement that takes half
the workload's time and doubles in cost raises it by 50 %. Planner costs of different statements are not
added up directly, because their units only compare within one statement. Pure: the live part is
``pgtune/gate/replan.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BadInput
from ..findings import StatementImpact
from ..query.ddl import DdlAction

DEFAULT_REGRESSION_STATEMENTS = 50
_THRESHOLD = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*%?\s*$")


def parse_threshold(text: str | float | int, source: str = "--max-regression") -> float:
    """``10%``, ``10`` or ``2.5%`` → percent."""
    match = _THRESHOLD.match(str(text))
    if not match:
        raise BadInput(f"{source} {text!r} is not a percentage", "use a number of percent such as 10%")
    return float(match["number"])


@dataclass(frozen=True)
class RegressionSettings:
    max_regression_pct: float
    max_statements: int = DEFAULT_REGRESSION_STATEMENTS
    """The top statements by calls × mean time that are re-planned."""


@dataclass(frozen=True)
class ReplannedStatement:
    queryid: int | None
    text: str
    calls: int
    mean_exec_ms: float
    cost_before: float
    cost_after: float

    @property
    def weight_ms(self) -> float:
        return self.calls * self.mean_exec_ms

    @property
    def ratio(self) -> float:
        return self.cost_after / self.cost_before if self.cost_before > 0 else 1.0

    def impact(self) -> StatementImpact:
        return StatementImpact(
            self.queryid, self.text, self.calls, self.mean_exec_ms, self.cost_before, self.cost_after
        )


@dataclass(frozen=True)
class NewIndex:
    action: DdlAction
    helped: tuple[ReplannedStatement, ...]
    """Statements whose plan uses the index and costs less with it, most time first."""
    write_cost_ms_per_day: float


@dataclass(frozen=True)
class DroppedIndex:
    action: DdlAction
    users: tuple[ReplannedStatement, ...]
    """Statements whose current plan uses the index, most time first."""
    hidden: bool
    """HypoPG hid the index, so the costs after already reflect the drop."""


@dataclass(frozen=True)
class PlanCheck:
    max_regression_pct: float
    statements: tuple[ReplannedStatement, ...] = ()
    new_indexes: tuple[NewIndex, ...] = ()
    dropped_indexes: tuple[DroppedIndex, ...] = ()
    hypopg_version: str = ""
    notes: tuple[str, ...] = ()

    @property
    def weighted_change_pct(self) -> float:
        total = sum(s.weight_ms for s in self.statements)
        if total <= 0:
            return 0.0
        return 100.0 * (sum(s.weight_ms * s.ratio for s in self.statements) / total - 1.0)

    @property
    def regressed(self) -> bool:
        # Rounded so that a rise of exactly the limit passes despite float error (11 / 10 = 1.1000000000000001).
        return round(self.weighted_change_pct, 6) > self.max_regression_pct

    def worse(self) -> tuple[ReplannedStatement, ...]:
        """Statements whose cost rises, the largest share of the rise first."""
        rising = [s for s in self.statements if s.cost_after > s.cost_before]
        return tuple(sorted(rising, key=lambda s: -s.weight_ms * (s.ratio - 1.0)))

    def summary(self) -> str:
        return (
            f"plan check: {len(self.statements)} statement(s) re-planned with HypoPG {self.hypopg_version}; "
            f"weighted planner cost {self.weighted_change_pct:+.1f}% (limit +{self.max_regression_pct:g}%)"
        )


def by_time(statements: list[ReplannedStatement]) -> tuple[ReplannedStatement, ...]:
    return tuple(sorted(statements, key=lambda s: -s.weight_ms))
