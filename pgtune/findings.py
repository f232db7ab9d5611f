"""Findings: what an advisor or a migration rule concluded, kept apart from how it is shown.

Message (what happens), help (what to do), evidence and fix stay separate fields because each renderer
lays them out differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .quantities import Unit


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, threshold: Severity) -> bool:
        return self.rank >= threshold.rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.CRITICAL: 2}


class FixSafety(str, Enum):
    ONLINE = "online"
    """Runs without blocking reads or writes (CREATE INDEX CONCURRENTLY, a reload)."""
    BRIEF_LOCK = "brief-lock"
    """Takes a strong lock for a moment (catalog-only ALTER, NOT VALID constraint)."""
    BLOCKING = "blocking"
    """Blocks writes or reads for as long as it runs."""
    RESTART = "restart"
    """A setting that takes effect only after a server restart."""
    MANUAL = "manual"
    """A change to the application or a plan to carry out by hand."""


@dataclass(frozen=True)
class Fix:
    ddl: str
    rollback: str | None
    safety: FixSafety
    note: str = ""


@dataclass(frozen=True)
class Evidence:
    """One fact behind a finding: a label and a value in its unit (``calls``: 12431 counted), left to the
    renderers to word (``12,431``), so JSON and SARIF keep the number."""

    label: str
    value: float | str
    """A number in ``unit``; the words themselves when the unit is TEXT."""
    unit: Unit = Unit.TEXT
    detail: str = ""
    """Words that follow the worded value (``" a day"``, ``" of 100"``)."""
    digits: int | None = None
    """Decimal places when they differ from the unit's usual ones."""


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    column: int = 1


@dataclass(frozen=True)
class Savings:
    ms_per_day: float
    workload_pct: float


@dataclass(frozen=True)
class StatementImpact:
    """How one statement fares under a recommendation."""

    queryid: int | None
    text: str
    calls: int
    mean_exec_ms: float
    cost_before: float | None = None
    cost_after: float | None = None
    saving_ms_per_day: float | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    """The rule's permanent id, e.g. IX001."""
    severity: Severity
    message: str
    help: str
    target: str | None = None
    """What it is about: a table, index, setting or statement."""
    kind: str = ""
    """What it proposes, for ranking and grouping: create-index, drop-index, setting, rewrite, partition ..."""
    evidence: tuple[Evidence, ...] = ()
    fix: Fix | None = None
    location: Location | None = None
    savings: Savings | None = None
    size_bytes: int | None = None
    statements: tuple[StatementImpact, ...] = ()
    confidence: str | None = None
    """high (planner-verified), medium, low (heuristic)."""
    slug: str = ""
    """The rule's kebab-case name, from its metadata (set where the rule is run)."""
    doc: str = ""
    """The rule's generated doc page, e.g. ``docs/rules/IX001-create-index.md`` (set where the rule is run)."""
