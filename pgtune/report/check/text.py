"""``--format text``: the terminal report (rich), grouped by file in migration order."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.markup import escape

from ...findings import Severity
from ...gate.run import CheckResult
from ..units import evidence_text

_STYLE = {Severity.CRITICAL: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(result: CheckResult, width: int = 120, color: bool = False) -> str:
    out = StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True)
    for problem in result.problems:
        console.print(
            f"{escape(problem.file)}:{problem.line}:{problem.column}: [bold red]unreadable[/] {escape(problem.message)}"
        )
    for finding in result.findings:
        location = finding.location
        where = f"{location.file}:{location.line}:{location.column}" if location else "-"
        style = _STYLE[finding.severity]
        console.print(f"{escape(where)}: [{style}]{finding.severity.value}[/] [bold]{finding.rule}[/] {finding.slug}")
        console.print(f"  {escape(finding.message)}")
        console.print(f"  [green]fix:[/] {escape(finding.help)}")
        for evidence in finding.evidence:
            console.print(f"  [dim]{escape(evidence.label)}:[/] {escape(evidence_text(evidence))}")
        for statement in finding.statements:
            label = "used by:"
            if statement.cost_before is not None and statement.cost_after is not None:
                label = f"cost {statement.cost_before:,.1f} → {statement.cost_after:,.1f}:"
            console.print(
                f"  [dim]{escape(label)}[/] {statement.calls:,} calls, {statement.mean_exec_ms:,.2f} ms mean: "
                f"{escape(' '.join(statement.text.split())[:100])}"
            )
        if finding.fix is not None:
            console.print("  [dim]suggested:[/]")
            for line in finding.fix.ddl.splitlines():
                console.print(f"    {escape(line)}")
    for suppressed in result.suppressed:
        finding = suppressed.finding
        location = finding.location
        console.print(
            f"[dim]{escape(location.file)}:{location.line}: {finding.rule} ignored: {escape(suppressed.reason)}[/]"
        )
    for note in result.notes:
        console.print(f"[dim]note: {escape(note)}[/]")
    for model, paths in _by_model(result.models).items():
        more = f" and {len(paths) - 5} more" if len(paths) > 5 else ""
        console.print(f"[dim]read as {escape(model)}: {escape(', '.join(paths[:5]))}{more}[/]")
    console.print(_summary(result))
    return out.getvalue()


def _by_model(models: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for path, model in models:
        grouped.setdefault(model, []).append(path)
    return grouped


def _summary(result: CheckResult) -> str:
    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    parts = [f"{counts[s]} {s.value}" for s in (Severity.CRITICAL, Severity.WARNING, Severity.INFO)]
    context = f"; database facts from {result.context_source}" if result.context_source else "; static check"
    unreadable = f", {len(result.problems)} unreadable" if result.problems else ""
    return (
        f"{result.files_checked} file(s), {result.statements_checked} statement(s) checked against PostgreSQL "
        f"{result.server_version_num // 10000}{context}: {', '.join(parts)}{unreadable}, "
        f"{len(result.suppressed)} ignored"
    )
