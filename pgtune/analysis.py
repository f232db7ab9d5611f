"""``pgtune analyze`` end to end: model the workload, choose indexes, run every advisor, build the Report."""

from __future__ import annotations

import dataclasses
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import __version__
from .advisors import ANALYSIS_ADVISORS
from .advisors.base import AdvisorSettings, AnalysisFacts, findings_of
from .collectors import CollectOptions, collect
from .collectors.catalog import catalog_from_snapshot
from .collectors.indexes import collect_index_scans
from .collectors.timescaledb import INTERNAL_SCHEMA_PREFIX
from .db import Session, SessionGuards, connect
from .errors import ExtensionMissing
from .facts import CollectionGap, QualStat, Snapshot, StatementStats, WorkloadSample
from .findings import Finding
from .query import model_statement, redact_literals
from .query.model import Catalog, ParseFailure, StatementKind, StatementShape
from .query.sqltext import parameter_count, substitute_parameters
from .report.model import Report, Skipped, StatementAccount, TopStatement, WhatIfSummary
from .targets import TargetResult, statement_p95_ms
from .whatif.advise import IndexAdvisorSettings, advise_indexes
from .whatif.constants import fixed_constants
from .whatif.selection import IndexSelection
from .whatif.workload import PG_STAT_STATEMENTS, WorkloadStatement, build_workload, file_workload, observation_days

_CATALOG_SCHEMAS = frozenset({"pg_catalog", "information_schema"})


@dataclass(frozen=True)
class AnalysisSettings:
    index: IndexAdvisorSettings = field(default_factory=IndexAdvisorSettings)
    advisors: AdvisorSettings = field(default_factory=AdvisorSettings)
    top: int = 20
    min_savings_pct: float = 0.0
    show_literals: bool = False
    top_statements: int = 10


Progress = Callable[[str], None]


def analyze(
    snapshot: Snapshot,
    session: Session | None,
    settings: AnalysisSettings | None = None,
    source: str = "",
    progress: Progress = lambda phase: None,
) -> Report:
    settings = settings or AnalysisSettings()
    progress("parsing")
    catalog = catalog_from_snapshot(snapshot)
    pairs, failures, ignored = _model(snapshot.statements, catalog)
    samples = [(sample, model_statement(sample.text, catalog)) for sample in snapshot.workload]
    from_files, file_failures, file_ignored = _file_statements(samples, {shape.fingerprint for _, shape in pairs})
    workload = build_workload(snapshot, pairs, _costing_shapes(snapshot, pairs, catalog, samples))
    workload += file_workload(from_files)
    failures += file_failures
    ignored += file_ignored
    progress("what-if")
    selection, gaps = _select_indexes(snapshot, workload, session, settings.index)
    facts = AnalysisFacts(snapshot, workload, failures, selection, settings.advisors)
    progress("advisors")
    findings: list[Finding] = []
    not_run: list[Skipped] = []
    for advisor in ANALYSIS_ADVISORS:
        gap = unmet_need(advisor.RULE.needs, snapshot)
        if gap is None:
            outcome = _run_rule(advisor, facts)
            if isinstance(outcome, Skipped):
                not_run.append(outcome)
            else:
                findings.extend(outcome)
        else:
            remedy = f" — {gap.remedy}" if gap.remedy else ""
            not_run.append(Skipped(f"rule {advisor.RULE.id} {advisor.RULE.slug}", f"not run: {gap.reason}{remedy}"))
    redact = (lambda text: text) if settings.show_literals else redact_literals
    recommendations, others = _rank(findings, settings)
    user_statements = [s for s, _ in pairs]
    return Report(
        pgtune_version=__version__,
        source=source,
        server_version=snapshot.server.version,
        database=snapshot.server.database,
        collected_at=snapshot.collected_at,
        observation_days=observation_days(snapshot),
        workload_ms_per_day=sum(s.ms_per_day for s in workload),
        recommendations=tuple(_redact_finding(f, redact) for f in recommendations),
        findings=tuple(_redact_finding(f, redact) for f in others),
        targets=tuple(_redact_target(t, redact) for t in facts.target_results),
        top_statements=_top_statements(user_statements, settings.top_statements, redact),
        skipped=tuple(not_run) + _skipped(failures, ignored, selection, redact),
        gaps=snapshot.gaps + gaps,
        whatif=_whatif_summary(selection),
        literals_redacted=not settings.show_literals,
        statements=_accounts(workload, failures, ignored, selection, redact),
    )


def _run_rule(advisor, facts: AnalysisFacts) -> list[Finding] | Skipped:
    """The rule's findings, or why it gave none: it declined to judge, or it failed on these facts (a bug in
    the rule, which must not cost the user the rest of the report; PGTUNE_DEBUG=1 raises it)."""
    name = f"rule {advisor.RULE.id} {advisor.RULE.slug}"
    try:
        findings, declined = findings_of(advisor, facts)
    except Exception as exc:
        if os.environ.get("PGTUNE_DEBUG"):
            raise
        return Skipped(name, f"failed on these facts ({type(exc).__name__}: {exc}); a bug in pgtune, please report it")
    return findings if declined is None else Skipped(name, f"declined to judge: {declined}")


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


# A rule's needs name Snapshot fields; collectors record what they could not read under these sources.
_NEED_SOURCES = {
    "statements": "pg_stat_statements",
    "workload": "pg_stat_statements",
    "column_stats": "pg_stats",
    "database": "pg_stat_database",
    "activity": "pg_stat_activity",
    "settings": "pg_settings",
}


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


def replica_index_scans(dsns: Iterable[str], guards: SessionGuards | None = None) -> dict[str, int]:
    """Index scans summed over the replicas, whose counters the primary never sees."""
    total: dict[str, int] = defaultdict(int)
    for dsn in dsns:
        with connect(dsn, guards) as session:
            for name, scans in collect_index_scans(session).items():
                total[name] += scans
    return dict(total)


def _is_own_or_catalog(shape: StatementShape) -> bool:
    read = shape.relations_read
    # TimescaleDB's catalog is read by its own functions (and by pgtune's calls to them, nested under
    # pg_stat_statements.track = all): the extension's statements, not the application's.
    return bool(read) and all(
        r.schema in _CATALOG_SCHEMAS or r.schema.startswith(INTERNAL_SCHEMA_PREFIX) or r.name.startswith("pg_")
        for r in read
    )


@dataclass(frozen=True)
class Ignored:
    """A statement of the input that is deliberately not planned: a utility statement, a catalog read."""

    text: str
    source: str
    weight: str
    reason: str
    queryid: int | None = None


def _not_planned(shape: StatementShape) -> str | None:
    if shape.kind is StatementKind.UTILITY:
        return shape.not_indexable_reason or "a utility statement: nothing to plan"
    if _is_own_or_catalog(shape):
        return "reads only system catalogs: no index advice"
    return None


def _model(
    statements: Iterable[StatementStats], catalog: Catalog
) -> tuple[list[tuple[StatementStats, StatementShape]], tuple[ParseFailure, ...], tuple[Ignored, ...]]:
    pairs, failures, ignored = [], [], []
    for stats in statements:
        shape = model_statement(stats.query, catalog, stats.queryid)
        if isinstance(shape, ParseFailure):
            failures.append(shape)
        elif (reason := _not_planned(shape)) is not None:
            weight = f"{stats.calls} call(s), {stats.mean_exec_ms:.3g} ms mean"
            ignored.append(Ignored(stats.query, PG_STAT_STATEMENTS, weight, reason, stats.queryid))
        else:
            pairs.append((stats, shape))
    return pairs, tuple(failures), tuple(ignored)


def _file_statements(
    samples: Iterable[tuple[WorkloadSample, StatementShape | ParseFailure]], known: set[str]
) -> tuple[list[tuple[StatementShape, list[WorkloadSample]]], tuple[ParseFailure, ...], tuple[Ignored, ...]]:
    """The statements of workload files and logs that pg_stat_statements does not hold, grouped by shape.

    pg_qualstats' examples are not among them: those are statements pg_stat_statements holds."""
    groups: dict[str, tuple[StatementShape, list[WorkloadSample]]] = {}
    failures, ignored = [], {}
    for sample, shape in samples:
        where = f"{sample.source}:{sample.line}" if sample.line is not None else sample.source
        if isinstance(shape, ParseFailure):
            failures.append(dataclasses.replace(shape, reason=f"{where}: {shape.reason}"))
        elif (reason := _not_planned(shape)) is not None:
            ignored.setdefault(shape.fingerprint, Ignored(sample.text, where, "in a workload file", reason))
        elif shape.fingerprint not in known:
            groups.setdefault(shape.fingerprint, (shape, []))[1].append(sample)
    return list(groups.values()), tuple(failures), tuple(ignored.values())


def _costing_shapes(
    snapshot: Snapshot,
    pairs: list[tuple[StatementStats, StatementShape]],
    catalog: Catalog,
    modelled_samples: Iterable[tuple[WorkloadSample, StatementShape | ParseFailure]],
) -> dict[str, StatementShape]:
    """Each statement as the planner should see it: the constants it always uses in place of parameters.

    pg_qualstats' example of a statement that still binds parameters is the application's own text, whose
    inline constants (``status = 'open'``, ``payload ->> 'user_id'``) are fixed by construction. Otherwise
    pg_qualstats and literal samples tell which parameters always carry the same constant."""
    samples: dict[str, list[StatementShape]] = defaultdict(list)
    examples: dict[int, str] = {}
    for example in snapshot.example_queries:
        if example.queryid is not None and parameter_count(example.text):
            examples[example.queryid] = example.text
    for _, shape in modelled_samples:
        if not isinstance(shape, ParseFailure):
            samples[shape.fingerprint].append(shape)
    qualstats: dict[int | None, list[QualStat]] = defaultdict(list)
    for row in snapshot.qualstats:
        qualstats[row.queryid].append(row)
    costing: dict[str, StatementShape] = {}
    for stats, shape in pairs:
        if shape.fingerprint in costing:
            continue
        example = examples.get(stats.queryid) if stats.queryid is not None else None
        if example is not None:
            base = model_statement(example, catalog, stats.queryid)
            shape = base if not isinstance(base, ParseFailure) else shape
        fixed = fixed_constants(shape, qualstats.get(stats.queryid, ()), samples.get(shape.fingerprint, ()))
        if not fixed and example is None:
            continue
        special = model_statement(substitute_parameters(shape.text, fixed), catalog, stats.queryid)
        if not isinstance(special, ParseFailure):
            costing[shape.fingerprint] = special
    return costing


def _select_indexes(snapshot, workload, session, settings) -> tuple[IndexSelection, tuple[CollectionGap, ...]]:
    try:
        return advise_indexes(snapshot, workload, session, settings), ()
    except ExtensionMissing as missing:
        gap = CollectionGap("hypopg", missing.message, missing.hint or "")
        fallback = dataclasses.replace(settings, use_hypopg=False)
        return advise_indexes(snapshot, workload, None, fallback), (gap,)


def _rank(findings: list[Finding], settings: AnalysisSettings) -> tuple[list[Finding], list[Finding]]:
    with_savings = sorted(
        (f for f in findings if f.savings is not None),
        key=lambda f: (-f.savings.ms_per_day, f.rule, f.target or ""),
    )
    recommendations = [f for f in with_savings if f.savings.workload_pct >= settings.min_savings_pct][: settings.top]
    others = sorted(
        (f for f in findings if f.savings is None),
        key=lambda f: (-f.severity.rank, f.rule, f.target or ""),
    )
    return recommendations, others


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
