"""A self-contained HTML page: inline CSS and SVG charts, nothing fetched, nothing scripted."""

from __future__ import annotations

from html import escape

from ..findings import Finding
from .charts import Bar, bar_chart
from .ids import finding_id
from .links import rule_doc
from .model import Report
from .text import cost_change, headline, saving, size, target_status, target_threshold, target_value
from .units import evidence_text, human_ms

CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1180px;
padding:24px;color:#1b1b1b;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #ddd}
.meta{color:#555}table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid #e5e5e5;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;white-space:nowrap}
pre{background:#f6f8fa;padding:10px;overflow-x:auto;margin:6px 0}code{font-size:13px}
.card{border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:12px 0}
.sev-critical{color:#b71c1c;font-weight:600}.sev-warning{color:#9a6700}.sev-info{color:#0b5cad}
.met{color:#2e7d32;font-weight:600}.MISSED{color:#c62828;font-weight:600}.unknown{color:#777}
figure{margin:16px 0}figcaption{font-weight:600;margin-bottom:4px}
svg.chart{max-width:100%;height:auto}svg .label,svg .value{font:12px system-ui,sans-serif;fill:#1b1b1b}
"""


def _recommendation(rank: int, finding: Finding) -> str:
    statements = "".join(
        f"<tr><td><code>{escape(s.text[:220])}</code></td><td class=n>{s.calls:,}</td>"
        f"<td class=n>{human_ms(s.mean_exec_ms)}</td><td class=n>{cost_change(s.cost_before, s.cost_after)}</td></tr>"
        for s in finding.statements
    )
    evidence = "".join(f"<li><b>{escape(e.label)}</b>: {escape(evidence_text(e))}</li>" for e in finding.evidence)
    fix = (
        f"<pre><code>{escape(finding.fix.ddl)}\n-- rollback: {escape(finding.fix.rollback or '')}</code></pre>"
        if finding.fix
        else ""
    )
    table = (
        f"<table><tr><th>statement</th><th>calls</th><th>mean</th><th>cost before → after</th></tr>{statements}</table>"
        if statements
        else ""
    )
    return (
        f'<div class="card" id="{finding_id(finding)}"><h3>{rank}. {escape(finding.message)}</h3>'
        f'<p class="meta"><a href="{escape(rule_doc(finding))}">{finding.rule}</a> · {escape(finding.kind)} · '
        f"saving {escape(saving(finding))} · size {escape(size(finding))} · "
        f"confidence {escape(finding.confidence or 'n/a')}</p>{fix}{table}<ul>{evidence}</ul></div>"
    )


def _charts(report: Report) -> str:
    savings = bar_chart(
        "Estimated saving per recommendation (ms per day)",
        [
            Bar(f"{rank}. {f.target} ({f.kind})", f.savings.ms_per_day, saving(f))
            for rank, f in enumerate(report.recommendations, 1)
            if f.savings
        ],
    )
    shares = bar_chart(
        "Share of workload time per statement",
        [Bar(s.text, s.share_pct, f"{s.share_pct:.1f} %") for s in report.top_statements],
        scale_max=100.0,
    )
    targets = bar_chart(
        "Service targets against their thresholds (dashed line)",
        [
            Bar(t.name, t.measured, target_value(t), marker=t.threshold, good=t.met)
            for t in report.targets
            if t.measured is not None and t.unit == "%"
        ],
        scale_max=100.0,
    )
    return savings + shares + targets


def render(report: Report) -> str:
    recommendations = "".join(_recommendation(rank, f) for rank, f in enumerate(report.recommendations, 1))
    targets = "".join(
        f"<tr><td>{escape(t.name)}</td><td>{escape(target_threshold(t))}</td><td class=n>{escape(target_value(t))}</td>"
        f'<td class="{target_status(t)}">{target_status(t)}</td><td>{escape(t.method)}'
        + (f"<br><small>{escape('; '.join(t.offenders[:5]))}</small>" if t.offenders else "")
        + "</td></tr>"
        for t in report.targets
    )
    findings = "".join(
        f'<tr><td class="sev-{f.severity.value}">{f.severity.value}</td>'
        f'<td><a href="{escape(rule_doc(f))}">{f.rule}</a></td><td>{escape(f.target or "")}</td>'
        f"<td>{escape(f.message)}</td><td>{escape(f.help)}</td></tr>"
        for f in report.findings
    )
    statements = "".join(
        f"<tr><td><code>{escape(s.text[:220])}</code></td><td class=n>{s.calls:,}</td>"
        f"<td class=n>{human_ms(s.total_exec_ms)}</td><td class=n>{human_ms(s.mean_exec_ms)}</td>"
        f"<td class=n>{s.share_pct:.1f} %</td></tr>"
        for s in report.top_statements
    )
    skipped = "".join(
        f"<li>skipped <code>{escape(s.item[:160])}</code>: {escape(s.reason)}</li>" for s in report.skipped
    )
    skipped += "".join(
        f"<li>not seen ({escape(g.source)}): {escape(g.reason)} {escape(g.remedy)}</li>" for g in report.gaps
    )
    other = (
        "<table><tr><th>severity</th><th>rule</th><th>target</th><th>finding</th><th>what to do</th></tr>"
        f"{findings}</table>"
        if findings
        else "<p>None.</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>pgtune report — {escape(report.database)}</title><style>{CSS}</style></head>
<body>
<h1>pgtune report — {escape(report.database)}</h1>
<p class="meta">PostgreSQL {escape(report.server_version)} · {escape(report.source)} ·
collected {report.collected_at:%Y-%m-%d %H:%M %Z} · pgtune {escape(report.pgtune_version)}</p>
<p>{escape(headline(report))}</p>
{_charts(report)}
<h2>Recommendations</h2>
{recommendations or "<p>Nothing worth changing was found.</p>"}
<h2>Service targets</h2>
<table><tr><th>target</th><th>threshold</th><th>measured</th><th>status</th><th>how measured</th></tr>{targets}</table>
<h2>Other findings</h2>
{other}
<h2>Top statements</h2>
<table><tr><th>statement</th><th>calls</th><th>total</th><th>mean</th><th>share</th></tr>{statements}</table>
<h2>Skipped and not seen</h2>
<ul>{skipped or "<li>Nothing was skipped.</li>"}</ul>
{"<p class=meta>Literals are redacted; --show-literals keeps them.</p>" if report.literals_redacted else ""}
</body></html>
"""
