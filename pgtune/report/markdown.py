"""GitHub-flavoured Markdown, for tickets and pull-request comments."""

from __future__ import annotations

from ..findings import Finding
from .ids import finding_id
from .links import rule_doc
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


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _recommendation(rank: int, finding: Finding) -> list[str]:
    lines = [
        f"### {rank}. {finding.message}",
        "",
        f"`{finding_id(finding)}` · [{finding.rule}]({rule_doc(finding)}) · {finding.kind} · "
        f"saving {saving(finding)} · size {size(finding)} · confidence {finding.confidence or 'n/a'}",
        "",
    ]
    if finding.fix:
        lines += ["```sql", finding.fix.ddl, "-- rollback:", f"-- {finding.fix.rollback}", "```", ""]
    if finding.statements:
        lines += ["| statement | calls | mean | cost before → after |", "| --- | ---: | ---: | ---: |"]
        lines += [
            f"| `{_cell(s.text)[:160]}` | {s.calls:,} | {human_ms(s.mean_exec_ms)} | "
            f"{cost_change(s.cost_before, s.cost_after)} |"
            for s in finding.statements
        ]
        lines.append("")
    lines += [f"- **{e.label}**: {_cell(evidence_text(e))}" for e in finding.evidence]
    return [*lines, ""]


def render(report: Report) -> str:
    lines = [
        f"# pgtune report — {report.database}",
        "",
        f"PostgreSQL {report.server_version} · {report.source} · collected {report.collected_at:%Y-%m-%d %H:%M %Z}",
        "",
        headline(report),
        "",
        "## Recommendations",
        "",
    ]
    if not report.recommendations:
        lines += ["Nothing worth changing was found.", ""]
    for rank, finding in enumerate(report.recommendations, 1):
        lines += _recommendation(rank, finding)
    lines += ["## Service targets", "", "| target | threshold | measured | status |", "| --- | --- | --- | --- |"]
    lines += [f"| {t.name} | {target_threshold(t)} | {target_value(t)} | {target_status(t)} |" for t in report.targets]
    lines.append("")
    lines += [
        f"- *{t.name}*: {t.method}" + (f" — {', '.join(t.offenders[:3])}" if t.offenders else "")
        for t in report.targets
    ]
    lines.append("")
    if report.findings:
        lines += ["## Other findings", ""]
        lines += [
            f"- **{f.severity.value}** [{f.rule}]({rule_doc(f)}) {f.target or ''}: {f.message} — {f.help}"
            for f in report.findings
        ]
        lines.append("")
    lines += [
        "## Top statements",
        "",
        "| statement | calls | total | mean | share |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| `{_cell(s.text)[:160]}` | {s.calls:,} | {human_ms(s.total_exec_ms)} | {human_ms(s.mean_exec_ms)} | "
        f"{s.share_pct:.1f} % |"
        for s in report.top_statements
    ]
    lines.append("")
    if report.statements:
        lines += [statement_summary(report), ""]
    if report.skipped or report.gaps:
        lines += ["## Skipped and not seen", ""]
        lines += [f"- skipped `{_cell(item)[:120]}`: {reason}" for item, reason in grouped_skipped(report)]
        lines += [f"- not seen ({g.source}): {g.reason}" + (f" — {g.remedy}" if g.remedy else "") for g in report.gaps]
        lines.append("")
    if report.literals_redacted:
        lines += ["_Literals are redacted; run with `--show-literals` to keep them._", ""]
    return "\n".join(lines)
