"""From stored snapshots and analyses to a HistoryReport: trends, regressions, plan flips, recommendations.

Pure: the snapshots and analyses come in as values (:func:`pgtune.history.load.load` reads them from the store).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise

from ..errors import NotAnIndexDefinition
from ..facts import IndexFacts, PlanNode, Snapshot
from ..findings import Finding, Severity
from ..query.indexdef import read_index
from ..report.history_model import (
    HistoryReport,
    NewSeqScan,
    PlanChange,
    RecommendationHistory,
    Regression,
    StatementTrend,
    TargetHistory,
    TargetPoint,
    UnusedIndex,
)
from ..report.ids import finding_id
from ..store import StoredAnalysis
from ..store.deltas import Interval, as_snapshot, interval
from ..targets import ServiceTargets, evaluate
from .load import History


@dataclass(frozen=True)
class HistorySettings:
    regression_pct: float = 50.0
    """Mean time up by more than this is a regression..."""
    min_calls: int = 50
    """...when the statement ran at least this often before and after."""
    min_change_ms: float = 0.05
    critical_ratio: float = 3.0
    """A statement this many times slower is critical; any smaller regression is a warning."""
    large_table_rows: float = 100_000
    top: int = 10
    targets: ServiceTargets = field(default_factory=ServiceTargets)


def _canonical_ids(intervals: Sequence[Interval]) -> dict[int, int]:
    """Old queryid → the newest one for the same text, so a statement keeps one identity across upgrades."""
    renamed: dict[int, int] = {}
    for delta in intervals:
        for old, new in delta.queryid_changes:
            renamed[old] = new
            for key, value in list(renamed.items()):
                if value == old:
                    renamed[key] = new
    return renamed


def _totals(intervals: Sequence[Interval], renamed: dict[int, int]) -> dict:
    totals: dict = defaultdict(lambda: [0, 0.0, ""])
    for delta in intervals:
        for s in delta.statements:
            entry = totals[renamed.get(s.queryid, s.queryid)]
            entry[0] += s.calls
            entry[1] += s.total_exec_ms
            entry[2] = s.query
    return totals


def _top(intervals: Sequence[Interval], renamed: dict[int, int], top: int) -> tuple[StatementTrend, ...]:
    totals = _totals(intervals, renamed)
    daily: dict = defaultdict(lambda: [0.0] * len(intervals))
    for night, delta in enumerate(intervals):
        for s in delta.statements:
            daily[renamed.get(s.queryid, s.queryid)][night] += s.total_exec_ms
    ranked = sorted(totals.items(), key=lambda item: -item[1][1])[:top]
    return tuple(
        StatementTrend(qid, text, calls, total, total / calls, tuple(daily[qid]))
        for qid, (calls, total, text) in ranked
    )


def _shape(root: PlanNode) -> tuple:
    return tuple((n.node_type, n.relation, n.index_name) for n in root.walk())


def describe_plan(root: PlanNode) -> str:
    parts = []
    for node in root.walk():
        if node.relation is None:
            continue
        using = f" using {node.index_name}" if node.index_name else ""
        parts.append(f"{node.node_type}{using} on {node.relation}")
    return ", ".join(parts) or root.node_type


def _plan_changes(snapshots: Sequence[Snapshot], texts: dict) -> dict[int | None, PlanChange]:
    history: dict = defaultdict(list)
    for snapshot in snapshots:
        for plan in snapshot.plans:
            if plan.root is not None:
                history[plan.queryid].append((snapshot.collected_at, plan.root))
    changes = {}
    for queryid, seen in history.items():
        first, last = seen[0][1], seen[-1][1]
        if _shape(first) == _shape(last):
            continue
        since = next(at for at, root in seen if _shape(root) == _shape(last))
        text = texts.get(queryid, "")
        changes[queryid] = PlanChange(queryid, text, describe_plan(first), describe_plan(last), since)
    return changes


def _regressions(
    intervals: Sequence[Interval], renamed: dict[int, int], plans: dict, settings: HistorySettings
) -> tuple[Regression, ...]:
    if len(intervals) < 2:
        return ()
    before = _totals(intervals[:-1], renamed)
    latest = intervals[-1]
    found = []
    for qid, (calls, total, text) in _totals([latest], renamed).items():
        base_calls, base_total, _ = before.get(qid, (0, 0.0, ""))
        if calls < settings.min_calls or base_calls < settings.min_calls or base_total <= 0:
            continue
        mean_before, mean_after = base_total / base_calls, total / calls
        if mean_after - mean_before < settings.min_change_ms:
            continue
        if mean_after <= mean_before * (1 + settings.regression_pct / 100):
            continue
        severity = Severity.CRITICAL if mean_after >= settings.critical_ratio * mean_before else Severity.WARNING
        extra = (mean_after - mean_before) * calls / latest.days
        found.append(Regression(qid, text, severity, mean_before, mean_after, calls, extra, plans.get(qid)))
    return tuple(sorted(found, key=lambda r: -r.extra_ms_per_day))


def _new_seq_scans(intervals: Sequence[Interval], settings: HistorySettings) -> tuple[NewSeqScan, ...]:
    if len(intervals) < 2:
        return ()
    earlier: dict = defaultdict(int)
    for delta in intervals[:-1]:
        for t in delta.tables:
            earlier[t.qualified_name] += t.seq_scan
    return tuple(
        NewSeqScan(t.qualified_name, t.reltuples, t.seq_scan)
        for t in intervals[-1].tables
        if t.seq_scan and t.reltuples >= settings.large_table_rows and earlier.get(t.qualified_name, -1) == 0
    )


def _unused(intervals: Sequence[Interval]) -> tuple[UnusedIndex, ...]:
    if not intervals:
        return ()
    scans: dict = defaultdict(int)
    for delta in intervals:
        for i in delta.indexes:
            scans[(i.schema, i.name)] += i.idx_scan
    return tuple(
        UnusedIndex(i.name, i.qualified_table, i.size_bytes)
        for i in intervals[-1].indexes
        if not (i.is_primary or i.is_unique or i.backs_constraint) and scans[(i.schema, i.name)] == 0
    )


def _index_exists(ddl: str, indexes: Sequence[IndexFacts]) -> bool:
    """Whether the index a CREATE INDEX proposes is there: by name, or by table and key columns."""
    try:
        proposed = read_index(ddl, then_more=True)
    except NotAnIndexDefinition:
        return False
    schema = proposed.schema or "public"
    columns = tuple(k.column for k in proposed.keys)
    return any(
        i.schema == schema and i.table == proposed.table and (i.name == proposed.name or i.columns == columns)
        for i in indexes
    )


def _mean_ms(intervals: Sequence[Interval], queryids: set) -> dict:
    calls: dict = defaultdict(int)
    total: dict = defaultdict(float)
    days = sum(d.days for d in intervals)
    for delta in intervals:
        for s in delta.statements:
            if s.queryid in queryids:
                calls[s.queryid] += s.calls
                total[s.queryid] += s.total_exec_ms
    return {q: (total[q] / calls[q], calls[q] / days) for q in calls}


def _measured_saving(finding: Finding, applied_at: datetime, intervals: Sequence[Interval]) -> float | None:
    """The night the index first shows mixes before and after, so it counts for neither."""
    queryids = {s.queryid for s in finding.statements}
    before = _mean_ms([d for d in intervals if d.ended_at < applied_at], queryids)
    after = _mean_ms([d for d in intervals if d.started_at >= applied_at], queryids)
    common = set(before) & set(after)
    if not common:
        return None
    return sum((before[q][0] - after[q][0]) * after[q][1] for q in common)


def _recommendations(
    analyses: Sequence[StoredAnalysis], snapshots: Sequence[Snapshot], intervals: Sequence[Interval], since: datetime
) -> tuple[RecommendationHistory, ...]:
    if not analyses:
        return ()
    first_seen: dict[str, datetime] = {}
    last_seen: dict[str, datetime] = {}
    latest: dict[str, Finding] = {}
    for analysis in analyses:
        for finding in analysis.report.recommendations:
            key = finding_id(finding)
            first_seen.setdefault(key, analysis.collected_at)
            last_seen[key] = analysis.collected_at
            latest[key] = finding
    newest = analyses[-1].collected_at
    result = []
    for key, finding in latest.items():
        ddl = finding.fix.ddl if finding.fix else None
        applied_at = next(
            (
                s.collected_at
                for s in snapshots
                if s.collected_at > first_seen[key] and ddl and _index_exists(ddl, s.indexes)
            ),
            None,
        )
        if applied_at is not None:
            state = "applied"
        elif last_seen[key] < newest:
            state = "stale"
        else:
            state = "new" if first_seen[key] >= since else "open"
        if state in ("stale", "open") and last_seen[key] < since:
            continue
        result.append(
            RecommendationHistory(
                key,
                finding.rule,
                finding.message,
                finding.severity,
                state,
                first_seen[key],
                ddl,
                finding.savings.ms_per_day if finding.savings else None,
                applied_at,
                _measured_saving(finding, applied_at, intervals) if applied_at else None,
            )
        )
    order = {"new": 0, "applied": 1, "open": 2, "stale": 3}
    return tuple(sorted(result, key=lambda r: (order[r.state], r.first_seen)))


def _targets(snapshots: Sequence[Snapshot], intervals: Sequence[Interval], targets: ServiceTargets):
    series: dict = {}
    for end, delta in zip(snapshots[1:], intervals, strict=True):
        for result in evaluate(as_snapshot(end, delta), targets):
            entry = series.setdefault(result.name, (result, []))
            entry[1].append(TargetPoint(delta.ended_at, result.measured, result.met))
    return tuple(
        TargetHistory(first.name, first.unit, first.threshold, first.higher_is_better, tuple(points))
        for first, points in series.values()
    )


def build(history: History, since: datetime, settings: HistorySettings | None = None) -> HistoryReport:
    settings = settings or HistorySettings()
    snapshots = history.snapshots
    intervals = [interval(a, b) for a, b in pairwise(snapshots)]
    renamed = _canonical_ids(intervals)
    texts = {s.queryid: s.query for snapshot in snapshots for s in snapshot.statements}
    plans = _plan_changes(snapshots, texts)
    regressions = _regressions(intervals, renamed, plans, settings)
    explained = {r.queryid for r in regressions}
    events = tuple(f"{d.ended_at:%Y-%m-%d}: {e.detail}" for d in intervals for e in d.events)
    return HistoryReport(
        server=history.server,
        since=since,
        until=snapshots[-1].collected_at,
        snapshots=len(snapshots),
        nights=tuple(d.ended_at for d in intervals),
        top_statements=_top(intervals, renamed, settings.top),
        regressions=regressions,
        plan_changes=tuple(c for q, c in plans.items() if q not in explained),
        new_seq_scans=_new_seq_scans(intervals, settings),
        recommendations=_recommendations(history.analyses, snapshots, intervals, since),
        unused_indexes=_unused(intervals),
        targets=_targets(snapshots, intervals, settings.targets),
        events=events,
    )
