"""The history report as Markdown, for a pull request, a wiki page or a chat message."""

from __future__ import annotations

from .history_model import HistoryReport
from .history_text import period, regression_line, saving_line, target_line
from .units import human_bytes, human_ms


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _section(title: str, lines: list[str], empty: str) -> list[str]:
    return [f"## {title}", "", *(lines or [empty]), ""]


def render(report: HistoryReport) -> str:
    out = [f"# pgtune nightly report — {report.server}", "", period(report), ""]
    out += _section(
        "Regressions",
        [f"- **{r.severity.value}** `{_cell(r.text[:160])}`: {regression_line(r)}" for r in report.regressions]
        + [
            f"- **{s.severity.value}** new sequential scans on {s.table} ({s.seq_scans:,})"
            for s in report.new_seq_scans
        ],
        "None.",
    )
    out += _section(
        "Plan changes",
        [
            f"- `{_cell(c.text[:160])}`: {c.before} → {c.after} (since {c.seen_at:%Y-%m-%d})"
            for c in report.plan_changes
        ],
        "None without a regression.",
    )
    top = ["| statement | calls | total | mean | per night |", "| --- | ---: | ---: | ---: | --- |"] + [
        f"| `{_cell(s.text[:100])}` | {s.calls:,} | {human_ms(s.total_exec_ms)} | {human_ms(s.mean_exec_ms)} | "
        f"{' '.join(human_ms(v) for v in s.daily_exec_ms)} |"
        for s in report.top_statements
    ]
    out += _section(
        "Top statements by time",
        top if report.top_statements else [],
        "Nothing measured (deltas need two snapshots in the period).",
    )
    out += _section(
        "Recommendations",
        [f"- {r.state}: {r.message} ({r.rule}) {saving_line(r)}".rstrip() for r in report.recommendations],
        "No stored analysis in the period.",
    )
    out += _section(
        "Unused indexes",
        [f"- {i.name} on {i.table} ({human_bytes(i.size_bytes)})" for i in report.unused_indexes],
        "None.",
    )
    out += _section("Service targets", [f"- {t.name}: {target_line(t)}" for t in report.targets], "Not measured.")
    out += _section("Counter events", [f"- {e}" for e in report.events], "None.")
    return "\n".join(out).rstrip() + "\n"
