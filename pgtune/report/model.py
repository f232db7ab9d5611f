"""The Report: everything one analysis concluded, ready for any renderer, with no database behind it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..facts import CollectionGap
from ..findings import Finding
from ..targets import TargetResult

REPORT_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class TopStatement:
    queryid: int | None
    text: str
    calls: int
    total_exec_ms: float
    mean_exec_ms: float
    share_pct: float
    p95_estimate_ms: float


@dataclass(frozen=True)
class Skipped:
    item: str
    reason: str


@dataclass(frozen=True)
class StatementAccount:
    """One statement of the input and what became of it: every one is planned, modelled or skipped."""

    text: str
    source: str
    """pg_stat_statements, or the workload file and line it was read from."""
    weight: str
    """How its calls and time were counted."""
    status: str
    """``planned`` (asked of the planner), ``modelled`` (heuristic advice only) or ``skipped``."""
    reason: str = ""
    queryid: int | None = None


@dataclass(frozen=True)
class WhatIfSummary:
    verified: bool
    candidates: int
    statements: int
    planner_calls: int
    cache_hits: int
    budget_bytes: int
    used_bytes: int

    @property
    def cache_hit_pct(self) -> float:
        lookups = self.planner_calls + self.cache_hits
        return 100.0 * self.cache_hits / lookups if lookups else 0.0


@dataclass(frozen=True)
class Report:
    pgtune_version: str
    source: str
    """Where the facts came from: a redacted DSN or a snapshot file."""
    server_version: str
    database: str
    collected_at: datetime
    observation_days: float
    workload_ms_per_day: float
    recommendations: tuple[Finding, ...]
    findings: tuple[Finding, ...]
    targets: tuple[TargetResult, ...]
    top_statements: tuple[TopStatement, ...]
    skipped: tuple[Skipped, ...]
    gaps: tuple[CollectionGap, ...]
    whatif: WhatIfSummary | None
    literals_redacted: bool = True
    schema_version: int = REPORT_SCHEMA_VERSION
    statements: tuple[StatementAccount, ...] = ()
    """Every statement of the input, in the order of its source, with where it and its weight came from."""

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        return self.recommendations + self.findings
