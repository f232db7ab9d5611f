"""``pgtune analyze`` end to end: an ordered tuple of passes over one ``Analysis``.

Each pass is a function from the analysis so far to the analysis with its own part filled in, so
``PASSES`` read top to bottom is the whole flow:

- ``model``: every statement (pg_stat_statements, workload files, logs) through the query model; what
  cannot be parsed, or is not the application's to plan, is set aside with its reason;
- ``specialise``: each statement as the planner should cost it, weighed per day;
- ``select_indexes``: candidates, HypoPG what-if plans and the selection under the storage budget;
- ``run_rules``: every registered rule whose facts were collected and whose server version it supports;
- ``rank``: recommendations by saving, the other findings by severity;
- ``assemble``: the ``Report``, literals redacted unless asked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ..collectors import CollectOptions, collect
from ..collectors.indexes import collect_index_scans
from ..db import Session, SessionGuards, connect
from ..facts import Snapshot
from ..report.model import Report
from .context import Analysis, AnalysisSettings
from .indexes import select_indexes
from .report import assemble, rank
from .rules import run_rules
from .statements import model, specialise

__all__ = ["PASSES", "Analysis", "AnalysisSettings", "analyze", "analyze_live", "replica_index_scans"]

Pass = Callable[[Analysis], Analysis]
Progress = Callable[[str], None]

PASSES: tuple[Pass, ...] = (model, specialise, select_indexes, run_rules, rank, assemble)

# What the progress line shows as a pass starts; the passes left out are quick.
_PHASES: dict[Pass, str] = {model: "parsing", select_indexes: "what-if", run_rules: "advisors"}


def analyze(
    snapshot: Snapshot,
    session: Session | None,
    settings: AnalysisSettings | None = None,
    source: str = "",
    progress: Progress = lambda phase: None,
) -> Report:
    analysis = Analysis(snapshot, session, settings or AnalysisSettings(), source)
    for step in PASSES:
        if step in _PHASES:
            progress(_PHASES[step])
        analysis = step(analysis)
    return analysis.report


def analyze_live(
    dsn: str | None,
    settings: AnalysisSettings | None = None,
    options: CollectOptions | None = None,
    guards: SessionGuards | None = None,
    progress: Progress = lambda phase: None,
) -> tuple[Snapshot, Report]:
    """Collect from a live server and analyze it in the same read-only session (HypoPG what-if included)."""
    with connect(dsn, guards) as session:
        progress("collecting")
        facts = collect(session, options)
        return facts, analyze(facts, session, settings, session.redacted_dsn, progress)


def replica_index_scans(dsns: Iterable[str], guards: SessionGuards | None = None) -> dict[str, int]:
    """Index scans summed over the replicas, whose counters the primary never sees."""
    total: dict[str, int] = defaultdict(int)
    for dsn in dsns:
        with connect(dsn, guards) as session:
            for name, scans in collect_index_scans(session).items():
                total[name] += scans
    return dict(total)
