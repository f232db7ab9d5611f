"""What the analysis passes share: the settings, and the ``Analysis`` each pass returns a little fuller."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..advisors.base import AdvisorSettings, AnalysisFacts
from ..db import Session
from ..facts import CollectionGap, Snapshot, StatementStats, WorkloadSample
from ..findings import Finding
from ..query.model import Catalog, ParseFailure, StatementShape
from ..report.model import Report, Skipped
from ..whatif.advise import IndexAdvisorSettings
from ..whatif.selection import IndexSelection
from ..whatif.workload import WorkloadStatement


@dataclass(frozen=True)
class AnalysisSettings:
    index: IndexAdvisorSettings = field(default_factory=IndexAdvisorSettings)
    advisors: AdvisorSettings = field(default_factory=AdvisorSettings)
    top: int | None = None
    """At most this many recommendations; by default every one: the chosen indexes are one configuration,
    costed together, and a cut by count would drop some of them unseen (docs/design.md)."""
    min_savings_pct: float = 0.0
    show_literals: bool = False
    top_statements: int = 10


@dataclass(frozen=True)
class Ignored:
    """A statement of the input that is deliberately not planned: a utility statement, a catalog read."""

    text: str
    source: str
    weight: str
    reason: str
    queryid: int | None = None


@dataclass(frozen=True)
class Analysis:
    """One analysis as the passes fill it in: the inputs, then each pass's output in the order they run."""

    snapshot: Snapshot
    session: Session | None
    settings: AnalysisSettings
    source: str = ""
    # model
    catalog: Catalog | None = None
    statements: tuple[tuple[StatementStats, StatementShape], ...] = ()
    """pg_stat_statements' entries to plan, each with its shape."""
    samples: tuple[tuple[WorkloadSample, StatementShape | ParseFailure], ...] = ()
    """Every literal statement of workload files, logs and pg_qualstats' examples, modelled."""
    from_files: tuple[tuple[StatementShape, list[WorkloadSample]], ...] = ()
    """The samples' statements that pg_stat_statements does not hold, grouped by shape."""
    failures: tuple[ParseFailure, ...] = ()
    ignored: tuple[Ignored, ...] = ()
    # specialise
    workload: tuple[WorkloadStatement, ...] = ()
    # select_indexes
    selection: IndexSelection | None = None
    gaps: tuple[CollectionGap, ...] = ()
    """What the what-if could not use, beside the collection's own gaps."""
    # run_rules
    facts: AnalysisFacts | None = None
    findings: tuple[Finding, ...] = ()
    not_run: tuple[Skipped, ...] = ()
    """The rules that did not run or gave no verdict, with why, in registry order."""
    # rank
    recommendations: tuple[Finding, ...] = ()
    others: tuple[Finding, ...] = ()
    beyond_top: tuple[Finding, ...] = ()
    """Recommendations that cleared the minimum saving but fell below ``top``: reported as skipped."""
    below_minimum: tuple[Finding, ...] = ()
    """Findings with a saving under ``min_savings_pct`` (an index of the chosen set whose share, net of its
    write cost, came out at or under zero among them): reported as skipped."""
    # assemble
    report: Report | None = None
