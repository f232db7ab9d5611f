"""The run-rules pass: every registered rule on the shared facts, or the reason it did not run."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType

from ..advisors import ANALYSIS_ADVISORS
from ..advisors.base import AnalysisFacts, findings_of
from ..facts import CollectionGap, Snapshot
from ..findings import Finding
from ..report.model import Skipped
from ..versions import ServerVersion
from .context import Analysis

# A rule's needs name Snapshot fields; collectors record what they could not read under these sources.
_NEED_SOURCES = {
    "statements": "pg_stat_statements",
    "workload": "pg_stat_statements",
    "column_stats": "pg_stats",
    "database": "pg_stat_database",
    "activity": "pg_stat_activity",
    "settings": "pg_settings",
}


def run_rules(analysis: Analysis) -> Analysis:
    """Each rule once, on one ``AnalysisFacts``; a rule that reads other rules' findings (its module's
    ``USES``) runs after them and is handed theirs. Findings and skips keep the registry's order."""
    facts = AnalysisFacts(
        analysis.snapshot, analysis.workload, analysis.failures, analysis.selection, analysis.settings.advisors
    )
    outcomes: dict[str, list[Finding] | Skipped] = {}
    found: dict[str, list[Finding]] = {}
    for advisor in _used_rules_first(ANALYSIS_ADVISORS):
        outcome = outcomes[advisor.RULE.id] = _outcome(advisor, facts, found)
        if not isinstance(outcome, Skipped):
            found[advisor.RULE.id] = outcome
    ordered = [outcomes[advisor.RULE.id] for advisor in ANALYSIS_ADVISORS]
    return dataclasses.replace(
        analysis,
        facts=facts,
        findings=tuple(f for outcome in ordered if not isinstance(outcome, Skipped) for f in outcome),
        not_run=tuple(outcome for outcome in ordered if isinstance(outcome, Skipped)),
    )


def _used_rules_first(advisors: Iterable[ModuleType]) -> tuple[ModuleType, ...]:
    ordered: dict[str, ModuleType] = {}

    def visit(advisor: ModuleType) -> None:
        for used in getattr(advisor, "USES", ()):
            visit(used)
        ordered.setdefault(advisor.RULE.id, advisor)

    for advisor in advisors:
        visit(advisor)
    return tuple(ordered.values())


def _outcome(
    advisor: ModuleType, facts: AnalysisFacts, earlier: Mapping[str, Sequence[Finding]]
) -> list[Finding] | Skipped:
    """The rule's findings, or why it gave none: the server is older than the rule supports, a fact it needs
    was not collected, it declined to judge, or it failed on these facts (a bug in the rule, which must not
    cost the user the rest of the report; PGTUNE_DEBUG=1 raises it)."""
    rule = advisor.RULE
    name = f"rule {rule.id} {rule.slug}"
    server = ServerVersion(facts.snapshot.server.version_num)
    if not server.at_least(rule.min_server_version_num):
        return Skipped(
            name,
            f"not run: needs PostgreSQL {rule.min_server_version_num // 10000} or later, the server is "
            f"PostgreSQL {server.major} (server_version_num {server.num})",
        )
    gap = unmet_need(rule.needs, facts.snapshot)
    if gap is not None:
        remedy = f" — {gap.remedy}" if gap.remedy else ""
        return Skipped(name, f"not run: {gap.reason}{remedy}")
    try:
        findings, declined = findings_of(advisor, facts, earlier)
    except Exception as exc:
        if os.environ.get("PGTUNE_DEBUG"):
            raise
        return Skipped(name, f"failed on these facts ({type(exc).__name__}: {exc}); a bug in pgtune, please report it")
    return findings if declined is None else Skipped(name, f"declined to judge: {declined}")


def unmet_need(needs: Iterable[str], snapshot: Snapshot) -> CollectionGap | None:
    """The gap that leaves a needed fact empty, if any: such a rule is reported as not run, with the remedy."""
    for need in needs:
        if need == "workload":
            # Statements from pg_stat_statements, or from --workload files and logs when it holds none.
            facts = snapshot.statements or snapshot.workload
        else:
            facts = snapshot.server.settings if need == "settings" else getattr(snapshot, need, None)
        if facts:
            continue
        source = _NEED_SOURCES.get(need, need)
        gap = next((g for g in snapshot.gaps if g.source == source), None)
        if gap is not None:
            return gap
    return None
