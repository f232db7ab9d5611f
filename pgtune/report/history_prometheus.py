"""The history report as Prometheus text exposition: the latest service targets, recommendations by state
with their estimated savings, regressions, new sequential scans and unused indexes of one server."""

from __future__ import annotations

from collections import Counter, defaultdict

from .exposition import Family, render_families, target_metric
from .history_model import HistoryReport


def render(report: HistoryReport) -> str:
    server = {"server": report.server}
    families = [
        Family("pgtune_history_snapshots", "Snapshots the period's report was built from").add(
            report.snapshots, **server
        ),
        Family("pgtune_history_until_timestamp_seconds", "The newest snapshot of the period, as a Unix time").add(
            report.until.timestamp(), **server
        ),
    ]
    measured = Family("pgtune_service_target_measured", "1 when the latest night measured the service target, else 0")
    met = Family("pgtune_service_target_met", "1 when the latest measured service target is met, 0 when missed")
    for target in report.targets:
        stem, unit, divisor = target_metric(target.name, target.unit)
        latest = target.latest
        measured.add(1 if latest is not None and latest.measured is not None else 0, **server, target=stem)
        families.append(
            Family(f"pgtune_{stem}_target_{unit}", f"The {target.name} target pgtune checks against").add(
                target.threshold / divisor, **server
            )
        )
        if latest is None or latest.measured is None:
            continue
        met.add(1 if latest.met else 0, **server, target=stem)
        families.append(
            Family(f"pgtune_{stem}_{unit}", f"The {target.name} over the latest night").add(
                latest.measured / divisor, **server
            )
        )
    families += [measured, met]
    states = Counter((r.state, r.rule) for r in report.recommendations)
    recommendations = Family(
        "pgtune_recommendations", "Recommendations of the period by state (new, open, applied, stale)"
    )
    for (state, rule), count in sorted(states.items()):
        recommendations.add(count, **server, state=state, rule=rule)
    daily: dict[tuple[str, str], float] = defaultdict(float)
    for r in report.recommendations:
        if r.estimated_ms_per_day is not None:
            daily[(r.state, r.rule)] += r.estimated_ms_per_day / 1000
    savings = Family("pgtune_estimated_daily_savings_seconds", "Statement time the recommendations would save per day")
    for (state, rule), seconds in sorted(daily.items()):
        savings.add(seconds, **server, state=state, rule=rule)
    regressions = Family("pgtune_regressions", "Statements that got slower in the period, by severity")
    for severity, count in sorted(Counter(r.severity.value for r in report.regressions).items()):
        regressions.add(count, **server, severity=severity)
    families += [
        recommendations,
        savings,
        regressions,
        Family("pgtune_new_sequential_scans", "Large tables newly read by sequential scans").add(
            len(report.new_seq_scans), **server
        ),
        Family("pgtune_unused_indexes", "Indexes unused over the period").add(len(report.unused_indexes), **server),
        Family("pgtune_unused_index_size_bytes", "Size of the indexes unused over the period").add(
            sum(i.size_bytes for i in report.unused_indexes), **server
        ),
    ]
    return render_families(families)
