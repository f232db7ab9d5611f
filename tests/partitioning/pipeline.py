"""The whole chain on the suite's server: run statements, collect a snapshot, analyze, take one finding."""

from __future__ import annotations

from pgtune.advisors.base import AdvisorSettings
from pgtune.analysis import AnalysisSettings, analyze
from pgtune.collectors import CollectOptions, collect
from pgtune.db import connect
from pgtune.findings import Finding


def finding_for(database, statements, rule: str, target: str, partition_target: str) -> Finding:
    """Runs ``statements`` (text or (text, params)) three times so that pg_stat_statements has them, then
    analyzes the database with pgtune's own collectors and query model."""
    database.run_workload(statements, repeat=3)
    with connect(database.dsn) as session:
        snapshot = collect(session, CollectOptions(plans=False))
    settings = AnalysisSettings(advisors=AdvisorSettings(partition_target=partition_target))
    report = analyze(snapshot, None, settings)
    (finding,) = (f for f in report.all_findings if f.rule == rule and f.target == target)
    return finding
