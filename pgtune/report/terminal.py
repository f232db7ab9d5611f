"""Rich tables for the terminal. The only renderer that knows rich; it prints to a string."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from ..findings import Finding, Severity
from .model import Report
from .text import (
    cost_change,
    grouped_skipped,
    headline,
    saving,
    size,
    statement_summary,
    target_status,
    target_threshold,
    target_value,
)
from .units import evidence_text, human_ms

_SEVERITY_STYLE = {Severity.CRITICAL: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_STATUS_STYLE = {"met": "green", "MISSED": "bold red", "unknown": "dim"}


def _recommendations(report: Report) -> Table:
    table = Table(title="Recommendations", expand=True)
    for column, justify in (
        ("#", "right"),
        ("kind", "left"),
        ("table", "left"),
        ("saving", "right"),
        ("size", "right"),
        ("confidence", "left"),
    ):
        table.add_column(column, justify=justify, overflow="fold")
    for rank, finding in enumerate(report.recommendations, 1):
        table.add_row(
            str(rank), finding.kind, finding.target or "", saving(finding), size(finding), finding.confidence or ""
        )
    return table


def _detail(rank: int, finding: Finding) -> Panel:
    parts: list = [Text(finding.message, style="bold")]
    if finding.fix:
        parts.append(
            Syntax(f"{finding.fix.ddl}\n-- rollback: {finding.fix.rollback}", "sql", word_wrap=True, theme="ansi_dark")
        )
    parts += [
        Text(
            f"· {s.text[:110]}  ({s.calls:,} calls, {human_ms(s.mean_exec_ms)}, "
            f"cost {cost_change(s.cost_before, s.cost_after)})",
            style="dim",
        )
        for s in finding.statements[:5]
    ]
    parts += [Text(f"{e.label}: {evidence_text(e)}") for e in finding.evidence]
    return Panel(Group(*parts), title=f"{rank}. {finding.rule} {finding.kind}", title_align="left")


def _targets(report: Report) -> Table:
    table = Table(title="Service targets", expand=True)
    for column in ("target", "threshold", "measured", "status", "how measured"):
        table.add_column(column, overflow="fold")
    for target in report.targets:
        status = target_status(target)
        table.add_row(
            target.name,
            target_threshold(target),
            target_value(target),
            f"[{_STATUS_STYLE[status]}]{status}[/]",
            target.method,
        )
    return table


def _findings(report: Report) -> Table:
    table = Table(title="Other findings", expand=True)
    for column in ("severity", "rule", "target", "finding", "what to do"):
        table.add_column(column, overflow="fold")
    for finding in report.findings:
        style = _SEVERITY_STYLE[finding.severity]
        table.add_row(
            f"[{style}]{finding.severity.value}[/]", finding.rule, finding.target or "", finding.message, finding.help
        )
    return table


def _statements(report: Report) -> Table:
    table = Table(title="Top statements by total time", expand=True)
    for column, justify in (
        ("statement", "left"),
        ("calls", "right"),
        ("total", "right"),
        ("mean", "right"),
        ("p95 est.", "right"),
        ("share", "right"),
    ):
        table.add_column(column, justify=justify, overflow="fold")
    for s in report.top_statements:
        table.add_row(
            s.text[:160],
            f"{s.calls:,}",
            human_ms(s.total_exec_ms),
            human_ms(s.mean_exec_ms),
            human_ms(s.p95_estimate_ms),
            f"{s.share_pct:.1f} %",
        )
    return table


def render(report: Report, width: int = 140, color: bool = False) -> str:
    console = Console(width=width, record=True, force_terminal=color, no_color=not color, file=io.StringIO())
    console.print(
        Panel(
            f"[bold]pgtune[/] — {report.database} on PostgreSQL {report.server_version}\n"
            f"{report.source}\n{headline(report)}"
        )
    )
    console.print(_recommendations(report) if report.recommendations else "No recommendations.")
    for rank, finding in enumerate(report.recommendations, 1):
        console.print(_detail(rank, finding))
    console.print(_targets(report))
    if report.findings:
        console.print(_findings(report))
    console.print(_statements(report))
    if report.statements:
        console.print(statement_summary(report))
    for item, reason in grouped_skipped(report):
        console.print(f"[dim]skipped[/] {item[:100]}: {reason}")
    for gap in report.gaps:
        console.print(f"[dim]not seen[/] ({gap.source}) {gap.reason}" + (f" — {gap.remedy}" if gap.remedy else ""))
    if report.literals_redacted:
        console.print("[dim]Literals are redacted; --show-literals keeps them.[/]")
    return console.export_text(styles=color)
