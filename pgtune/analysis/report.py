"""The rank and assemble passes: findings in the order a reader acts on them, then the ``Report``."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from .. import __version__
from ..facts import StatementStats
from ..findings import Finding
from ..query import redact_literals
from ..query.model import ParseFailure
from ..query.sqltext import parameter_count
from ..report.model import Report, Skipped, StatementAccount, TopStatement, WhatIfSummary
from ..targets import TargetResult, statement_p95_ms
from ..whatif.selection import IndexSelection
from ..whatif.workload import PG_STAT_STATEMENTS, WorkloadStatement, observation_days
from .context import Analysis, AnalysisSettings, Ignored


def rank(analysis: Analysis) -> Analysis:
    """Recommendations by saving (the top ones over the minimum share), the other findings by severity."""
    recommendations, below, others = _rank(list(analysis.findings), analysis.settings)
    top = analysis.settings.top
    return dataclasses.replace(
        analysis,
        recommendations=tuple(recommendations[:top]),
        others=tuple(others),
        beyond_top=tuple(recommendations[top:]) if top is not None else (),
        below_minimum=tuple(below),
    )


def assemble(analysis: Analysis) -> Analysis:
    """The report of the analysis; literals redacted unless ``show_literals``."""
    snapshot, settings, selection = analysis.snapshot, analysis.settings, analysis.selection
    failures, ignored, workload = analysis.failures, analysis.ignored, analysis.workload
    redact = (lambda text: text) if settings.show_literals else redact_literals
    user_statements = [s for s, _ in analysis.statements]
    report = Report(
        pgtune_version=__version__,
        source=analysis.source,
        server_version=snapshot.server.version,
        database=snapshot.server.database,
        collected_at=snapshot.collected_at,
        observation_days=observation_days(snapshot),
        workload_ms_per_day=sum(s.ms_per_day for s in workload),
        recommendations=tuple(_redact_finding(f, redact) for f in analysis.recommendations),
        findings=tuple(_redact_finding(f, redact) for f in analysis.others),
        targets=tuple(_redact_target(t, redact) for t in analysis.facts.target_results),
        top_statements=_top_statements(user_statements, settings.top_statements, redact),
        skipped=analysis.not_run
        + _left_out(analysis.below_minimum, lambda f: _under_minimum(f, settings.min_savings_pct))
        + _left_out(analysis.beyond_top, lambda f: f"below --top {settings.top}")
        + _skipped(failures, ignored, selection, redact),
        gaps=snapshot.gaps + analysis.gaps,
        whatif=_whatif_summary(selection),
        literals_redacted=not settings.show_literals,
        statements=_accounts(workload, failures, ignored, selection, redact),
    )
    return dataclasses.replace(analysis, report=report)


def _rank(findings: list[Finding], settings: AnalysisSettings) -> tuple[list[Finding], list[Finding], list[Finding]]:
    with_savings = sorted(
        (f for f in findings if f.savings is not None),
        key=lambda f: (-f.savings.ms_per_day, f.rule, f.target or ""),
    )
    recommendations = [f for f in with_savings if f.savings.workload_pct >= settings.min_savings_pct]
    below = [f for f in with_savings if f.savings.workload_pct < settings.min_savings_pct]
    others = sorted(
        (f for f in findings if f.savings is None),
        key=lambda f: (-f.severity.rank, f.rule, f.target or ""),
    )
    return recommendations, below, others


def _redact_finding(finding: Finding, redact: Callable[[str], str]) -> Finding:
    if not finding.statements:
        return finding
    return dataclasses.replace(
        finding, statements=tuple(dataclasses.replace(s, text=redact(s.text)) for s in finding.statements)
    )


def _redact_target(target: TargetResult, redact: Callable[[str], str]) -> TargetResult:
    return dataclasses.replace(target, offenders=tuple(redact(o) for o in target.offenders))


def _top_statements(
    statements: list[StatementStats], limit: int, redact: Callable[[str], str]
) -> tuple[TopStatement, ...]:
    total = sum(s.total_exec_ms for s in statements) or 1.0
    return tuple(
        TopStatement(
            queryid=s.queryid,
            text=redact(s.query),
            calls=s.calls,
            total_exec_ms=s.total_exec_ms,
            mean_exec_ms=s.mean_exec_ms,
            share_pct=100.0 * s.total_exec_ms / total,
            p95_estimate_ms=statement_p95_ms(s),
        )
        for s in sorted(statements, key=lambda s: -s.total_exec_ms)[:limit]
    )


def _left_out(cut: tuple[Finding, ...], why: Callable[[Finding], str]) -> tuple[Skipped, ...]:
    """What ``--top`` or ``--min-savings`` left out is said, not dropped: an index of the chosen set may be one
    a statement needs (or one branch of an OR pair whose other branch was kept)."""
    return tuple(Skipped(f.fix.ddl if f.fix else f.message, f"{why(f)}: {f.message}") for f in cut)


def _under_minimum(finding: Finding, minimum_pct: float) -> str:
    return f"saves {finding.savings.workload_pct:.2g} % of the workload, under --min-savings {minimum_pct:g} %"


def _skipped(
    failures: tuple[ParseFailure, ...],
    ignored: tuple[Ignored, ...],
    selection: IndexSelection,
    redact: Callable[[str], str],
) -> tuple[Skipped, ...]:
    parsed = tuple(Skipped(redact(f.text)[:200], _failure_reason(f)) for f in failures)
    not_planned = tuple(Skipped(redact(i.text)[:200], i.reason) for i in ignored)
    unplannable = tuple(Skipped(redact(text)[:200], _refusal(text, error)) for text, error in selection.unplannable)
    refused = tuple(
        Skipped(f"candidate CREATE INDEX {spec.sql_body()}", f"HypoPG refused it: {error}")
        for spec, error in selection.refused
    )
    lost = tuple(
        Skipped(f"an index for {redact(item.statement)[:160]}", f"not made on {redact(item.what)[:200]}: {item.why}")
        for item in selection.lost
    )
    return parsed + not_planned + unplannable + refused + lost


# What the planner says when a constant pg_stat_statements replaced by $n has lost the type it had: a
# parameter in a subquery's output is typed text, and then compared with a number or a date.
_LOST_TYPE = ("operator does not exist", "cannot be matched", "does not exist", "argument of")


def _refusal(text: str, error: str) -> str:
    if parameter_count(text) and any(marker in error for marker in _LOST_TYPE):
        return (
            f"the planner refused it: {error} (a constant pg_stat_statements shows as $n lost its type, "
            "typed text where it is not compared directly; a workload file or log with the literal plans it)"
        )
    return f"the planner refused it: {error}"


def _failure_reason(failure: ParseFailure) -> str:
    return ("truncated statement text: " if failure.truncated else "") + failure.reason


def _accounts(
    workload: Iterable[WorkloadStatement],
    failures: tuple[ParseFailure, ...],
    ignored: tuple[Ignored, ...],
    selection: IndexSelection,
    redact: Callable[[str], str],
) -> tuple[StatementAccount, ...]:
    """Every statement of the input once: planned (or modelled, without HypoPG) or skipped, and why."""
    refused = dict(selection.unplannable)
    planned = "planned" if selection.verified else "modelled"
    accounts = [
        StatementAccount(
            redact(s.display_text or s.text),
            s.source,
            s.weight,
            "skipped" if s.display_text in refused else planned,
            _refusal(s.display_text, refused[s.display_text]) if s.display_text in refused else "",
            s.queryid,
        )
        for s in workload
    ]
    accounts += [
        StatementAccount(
            redact(f.text),
            PG_STAT_STATEMENTS if f.queryid is not None else "workload file",
            "",
            "skipped",
            _failure_reason(f),
            f.queryid,
        )
        for f in failures
    ]
    accounts += [StatementAccount(redact(i.text), i.source, i.weight, "skipped", i.reason, i.queryid) for i in ignored]
    return tuple(accounts)


def _whatif_summary(selection: IndexSelection) -> WhatIfSummary:
    return WhatIfSummary(
        verified=selection.verified,
        candidates=selection.candidates_considered,
        statements=selection.statements_considered,
        planner_calls=selection.planner_calls,
        cache_hits=selection.cache_hits,
        budget_bytes=selection.budget_bytes,
        used_bytes=selection.used_bytes,
    )
