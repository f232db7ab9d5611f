"""Wording shared by the text-like renderers (terminal, Markdown, HTML), so they cannot drift apart."""

from __future__ import annotations

from ..findings import Finding
from ..targets import TargetResult
from .model import Report
from .units import human_bytes, human_ms


def saving(finding: Finding) -> str:
    if finding.savings is None:
        return ""
    return f"{human_ms(finding.savings.ms_per_day)}/day ({finding.savings.workload_pct:.1f} %)"


def size(finding: Finding) -> str:
    return human_bytes(finding.size_bytes) if finding.size_bytes is not None else ""


def target_value(target: TargetResult) -> str:
    if target.measured is None:
        return "not measured"
    value = f"{target.measured:.2f} {target.unit}" if target.unit == "ms" else f"{target.measured:.1f} {target.unit}"
    return f"{value} (estimate)" if target.estimate else value


def target_threshold(target: TargetResult) -> str:
    sign = "≥" if target.higher_is_better else "≤"
    return f"{sign} {target.threshold:g} {target.unit}"


def target_status(target: TargetResult) -> str:
    return {True: "met", False: "MISSED", None: "unknown"}[target.met]


def cost_change(before: float | None, after: float | None) -> str:
    if before is None or after is None:
        return ""
    return f"{before:,.0f} → {after:,.0f}"


def headline(report: Report) -> str:
    mode = "" if report.whatif is None or report.whatif.verified else " (heuristic: HypoPG not available)"
    return (
        f"{_plural(len(report.recommendations), 'recommendation')}{mode}, "
        f"{_plural(len(report.findings), 'other finding')}; "
        f"workload {human_ms(report.workload_ms_per_day)}/day, statistics gathered over "
        f"{human_ms(report.observation_days * 86_400_000)}"
    )


def statement_summary(report: Report) -> str:
    """Where the statements came from and what became of them, in one line."""
    if not report.statements:
        return ""
    from_pgss = sum(1 for s in report.statements if s.source == "pg_stat_statements")
    by_status = {status: sum(1 for s in report.statements if s.status == status) for status in _STATUSES}
    done = ", ".join(f"{count} {status}" for status, count in by_status.items() if count)
    return (
        f"{_plural(len(report.statements), 'statement')}: {from_pgss} from pg_stat_statements, "
        f"{len(report.statements) - from_pgss} from workload files; {done}"
    )


_STATUSES = ("planned", "modelled", "skipped")


def grouped_skipped(report: Report) -> list[tuple[str, str]]:
    """(item, reason) for what was skipped; items sharing a reason (forty BEGINs) are one line."""
    by_reason: dict[str, list[str]] = {}
    for skipped in report.skipped:
        by_reason.setdefault(skipped.reason, []).append(skipped.item)
    return [
        (items[0] if len(items) == 1 else f"{len(items)} items, such as {items[0]}", reason)
        for reason, items in by_reason.items()
    ]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
