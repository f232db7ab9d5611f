"""The history report as one self-contained HTML page: inline CSS and SVG, no script, works offline."""

from __future__ import annotations

from html import escape

from .charts import Bar, bar_chart, sparkline
from .history_model import HistoryReport
from .history_text import period, regression_line, saving_line, target_line
from .html import CSS
from .units import human_bytes, human_ms


def _list(items: list[str], empty: str) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else f"<p>{escape(empty)}</p>"


def render(report: HistoryReport) -> str:
    regressions = [
        f'<span class="sev-{r.severity.value}">{r.severity.value}</span> <code>{escape(r.text[:200])}</code>: '
        f"{escape(regression_line(r))}"
        for r in report.regressions
    ] + [
        f'<span class="sev-{s.severity.value}">{s.severity.value}</span> new sequential scans on '
        f"{escape(s.table)} ({s.seq_scans:,})"
        for s in report.new_seq_scans
    ]
    plans = [
        f"<code>{escape(c.text[:200])}</code>: {escape(c.before)} → {escape(c.after)} (since {c.seen_at:%Y-%m-%d})"
        for c in report.plan_changes
    ]
    top = "".join(
        f"<tr><td><code>{escape(s.text[:200])}</code></td><td class=n>{s.calls:,}</td>"
        f"<td class=n>{human_ms(s.total_exec_ms)}</td><td class=n>{human_ms(s.mean_exec_ms)}</td>"
        f"<td>{sparkline('time per night', s.daily_exec_ms)}</td></tr>"
        for s in report.top_statements
    )
    recommendations = [
        f"<b>{escape(r.state)}</b> {escape(r.message)} ({escape(r.rule)}) {escape(saving_line(r))}"
        for r in report.recommendations
    ]
    unused = [f"{escape(i.name)} on {escape(i.table)} ({human_bytes(i.size_bytes)})" for i in report.unused_indexes]
    targets = "".join(
        f"<tr><td>{escape(t.name)}</td><td>{escape(target_line(t))}</td>"
        f"<td>{sparkline(t.name, [p.measured for p in t.points])}</td></tr>"
        for t in report.targets
    )
    chart = bar_chart(
        "Time per statement over the period",
        [Bar(s.text, s.total_exec_ms, human_ms(s.total_exec_ms)) for s in report.top_statements],
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>pgtune nightly report — {escape(report.server)}</title><style>{CSS}</style></head>
<body>
<h1>pgtune nightly report — {escape(report.server)}</h1>
<p class="meta">{escape(period(report))}</p>
<h2>Regressions</h2>
{_list(regressions, "None.")}
<h2>Plan changes</h2>
{_list(plans, "None without a regression.")}
<h2>Top statements by time</h2>
{chart}
<table><tr><th>statement</th><th>calls</th><th>total</th><th>mean</th><th>per night</th></tr>{top}</table>
<h2>Recommendations</h2>
{_list(recommendations, "No stored analysis in the period.")}
<h2>Unused indexes</h2>
{_list(unused, "None.")}
<h2>Service targets</h2>
<table><tr><th>target</th><th>latest</th><th>per night</th></tr>{targets}</table>
<h2>Counter events</h2>
{_list([escape(e) for e in report.events], "None.")}
</body></html>
"""
