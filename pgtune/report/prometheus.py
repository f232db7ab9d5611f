"""The analysis Report as Prometheus text exposition: service targets, recommendations and their estimated
savings by kind, and what could not be collected; for node-exporter's textfile collector or a pushgateway."""

from __future__ import annotations

from collections import Counter, defaultdict

from .exposition import Family, render_families, target_metric
from .model import Report


def render(report: Report) -> str:
    server = {"server": report.database}
    families: list[Family] = [
        Family("pgtune_info", "pgtune's version and the analyzed server's").add(
            1, **server, version=report.pgtune_version, server_version=report.server_version
        ),
        Family("pgtune_collected_timestamp_seconds", "When the facts were collected, as a Unix time").add(
            report.collected_at.timestamp(), **server
        ),
        Family("pgtune_workload_daily_seconds", "Statement execution time per day, from pg_stat_statements").add(
            report.workload_ms_per_day / 1000, **server
        ),
    ]
    measured = Family("pgtune_service_target_measured", "1 when the service target could be measured, else 0")
    met = Family("pgtune_service_target_met", "1 when the measured service target is met, 0 when missed")
    for target in report.targets:
        stem, unit, divisor = target_metric(target.name, target.unit)
        labels = {**server, "target": stem}
        measured.add(1 if target.measured is not None else 0, **labels)
        families.append(
            Family(f"pgtune_{stem}_target_{unit}", f"The {target.name} target pgtune checks against").add(
                target.threshold / divisor, **server
            )
        )
        if target.measured is None:
            continue
        met.add(1 if target.met else 0, **labels)
        families.append(
            Family(f"pgtune_{stem}_{unit}", f"The {target.name}; source says what measured it").add(
                target.measured / divisor,
                **server,
                source=target.source or "unknown",
                estimate=str(target.estimate).lower(),
            )
        )
    families += [measured, met]
    counts = Counter((f.kind or "other", f.severity.value) for f in report.recommendations)
    recommendations = Family("pgtune_recommendations", "Ranked recommendations (with an estimated saving) by kind")
    for (kind, severity), count in sorted(counts.items()):
        recommendations.add(count, **server, kind=kind, severity=severity)
    findings = Family("pgtune_findings", "Other findings (no saving estimated) by kind and severity")
    other = Counter((f.kind or "other", f.severity.value) for f in report.findings)
    for (kind, severity), count in sorted(other.items()):
        findings.add(count, **server, kind=kind, severity=severity)
    daily: dict[str, float] = defaultdict(float)
    share: dict[str, float] = defaultdict(float)
    for finding in report.recommendations:
        if finding.savings is not None:
            daily[finding.kind or "other"] += finding.savings.ms_per_day / 1000
            share[finding.kind or "other"] += finding.savings.workload_pct / 100
    savings = Family("pgtune_estimated_daily_savings_seconds", "Statement time the recommendations would save per day")
    ratio = Family("pgtune_estimated_savings_ratio", "Share of the workload's time the recommendations would save")
    for kind in sorted(daily):
        savings.add(daily[kind], **server, kind=kind)
        ratio.add(share[kind], **server, kind=kind)
    worst = max((f.severity.rank for f in report.all_findings), default=-1)
    gaps = Family("pgtune_collection_gaps", "Sources pgtune could not read, by source (see the report for remedies)")
    for source, count in sorted(Counter(g.source for g in report.gaps).items()):
        gaps.add(count, **server, source=source)
    families += [
        recommendations,
        findings,
        savings,
        ratio,
        Family("pgtune_worst_severity", "Worst finding: -1 none, 0 info, 1 warning, 2 critical").add(worst, **server),
        gaps,
        Family("pgtune_skipped_items", "Statements, candidates and rules skipped, with reasons in the report").add(
            len(report.skipped), **server
        ),
    ]
    return render_families(families)
