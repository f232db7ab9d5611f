"""Wording shared by the history renderers (Markdown, HTML, JSON summary), so they cannot drift apart."""

from __future__ import annotations

from .history_model import HistoryReport, RecommendationHistory, Regression, TargetHistory
from .units import human_ms


def period(report: HistoryReport) -> str:
    return f"{report.since:%Y-%m-%d %H:%M} → {report.until:%Y-%m-%d %H:%M} UTC, {report.snapshots} snapshots"


def regression_line(r: Regression) -> str:
    line = (
        f"mean {human_ms(r.mean_before_ms)} → {human_ms(r.mean_after_ms)} (+{r.change_pct:.0f} %), "
        f"{r.calls_after:,} calls, +{human_ms(r.extra_ms_per_day)}/day"
    )
    if r.plan_change:
        line += f"; plan changed from {r.plan_change.before} to {r.plan_change.after}"
    return line


def saving_line(r: RecommendationHistory) -> str:
    estimated = f"estimated {human_ms(r.estimated_ms_per_day)}/day" if r.estimated_ms_per_day is not None else ""
    if r.state != "applied":
        return estimated
    measured = (
        f"measured {human_ms(r.measured_ms_per_day)}/day"
        if r.measured_ms_per_day is not None
        else "not measured yet (needs nights before and after)"
    )
    applied = f"applied {r.applied_at:%Y-%m-%d}: {measured}"
    return f"{applied}, {estimated}" if estimated else applied


def target_line(t: TargetHistory) -> str:
    latest = t.latest
    if latest is None or latest.measured is None:
        return "not measured"
    status = {True: "met", False: "MISSED", None: "unknown"}[latest.met]
    missed = sum(1 for p in t.points if p.met is False)
    return f"{latest.measured:.2f} {t.unit} ({status}); missed {missed} of {len(t.points)} nights"


def summary(report: HistoryReport) -> dict:
    worst = report.worst()
    return {
        "server": report.server,
        "period": period(report),
        "worst_severity": worst.value if worst else None,
        "regressions": len(report.regressions),
        "plan_changes": len(report.plan_changes) + sum(1 for r in report.regressions if r.plan_change),
        "new_sequential_scans": len(report.new_seq_scans),
        "new_recommendations": sum(1 for r in report.recommendations if r.state == "new"),
        "applied_recommendations": sum(1 for r in report.recommendations if r.state == "applied"),
        "stale_recommendations": sum(1 for r in report.recommendations if r.state == "stale"),
        "unused_indexes": len(report.unused_indexes),
        "alerts": [{"severity": s.value, "what": text} for s, text in report.alerts()],
    }
