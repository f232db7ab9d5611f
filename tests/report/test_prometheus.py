"""Prometheus exposition of the analysis and history reports: parsed by prometheus_client's own parser, named
by Prometheus's conventions, checked with ``promtool check metrics`` where installed; every metric the Grafana
example queries is one pgtune writes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from pgtune.findings import Severity
from pgtune.report import history_prometheus, prometheus
from pgtune.report.exposition import Family, render_families
from pgtune.report.history_model import (
    HistoryReport,
    RecommendationHistory,
    Regression,
    TargetHistory,
    TargetPoint,
    UnusedIndex,
)

from .canonical import CANONICAL

DASHBOARD = Path(__file__).resolve().parents[2] / "docs" / "examples" / "grafana-pgtune.json"
AT = datetime(2026, 11, 26, 3, 15, tzinfo=timezone.utc)
HISTORY = HistoryReport(
    server="orders-db",
    since=AT,
    until=AT,
    snapshots=8,
    nights=(AT,),
    top_statements=(),
    regressions=(Regression(1, "SELECT 1", Severity.CRITICAL, 1.0, 4.0, 500, 1500.0),),
    plan_changes=(),
    new_seq_scans=(),
    recommendations=(
        RecommendationHistory("a", "IX001", "create an index", Severity.WARNING, "new", AT, "CREATE INDEX …", 86_400.0),
        RecommendationHistory("b", "IX002", "drop an index", Severity.INFO, "stale", AT),
    ),
    unused_indexes=(UnusedIndex("public.old_idx", "public.orders", 8192),),
    targets=(
        TargetHistory("connection-pool efficiency", "%", 90.0, True, (TargetPoint(AT, 97.5, True),)),
        TargetHistory("statement time p95", "ms", 5.0, False, (TargetPoint(AT, None, None),)),
    ),
    events=(),
)


def families(text: str) -> dict:
    return {f.name: f for f in text_string_to_metric_families(text)}


def test_analysis_metrics_follow_prometheus_naming():
    found = families(prometheus.render(CANONICAL))
    for name, family in found.items():
        assert re.fullmatch(r"pgtune_[a-z0-9_]+", name) and family.type == "gauge" and family.documentation
        assert not name.endswith(("_total", "_count", "_sum", "_bucket")), name
    (p95,) = found["pgtune_statement_time_p95_seconds"].samples
    assert p95.value == pytest.approx(0.0125) and p95.labels["server"] == CANONICAL.database
    assert found["pgtune_cache_hit_ratio"].samples[0].value == pytest.approx(0.992)
    assert "pgtune_pool_efficiency_ratio" not in found
    measured = {s.labels["target"]: s.value for s in found["pgtune_service_target_measured"].samples}
    assert measured == {"statement_time_p95": 1, "cache_hit": 1, "pool_efficiency": 0}
    kinds = {s.labels["kind"] for s in found["pgtune_recommendations"].samples}
    assert kinds == {f.kind for f in CANONICAL.recommendations}
    saved = sum(f.savings.ms_per_day for f in CANONICAL.recommendations if f.savings) / 1000
    assert sum(s.value for s in found["pgtune_estimated_daily_savings_seconds"].samples) == pytest.approx(saved)
    gaps = {s.labels["source"]: s.value for s in found["pgtune_collection_gaps"].samples}
    assert gaps == {g.source: 1 for g in CANONICAL.gaps}


def test_history_metrics():
    found = families(history_prometheus.render(HISTORY))
    assert found["pgtune_pool_efficiency_ratio"].samples[0].value == pytest.approx(0.975)
    assert "pgtune_statement_time_p95_seconds" not in found
    assert {s.labels["target"]: s.value for s in found["pgtune_service_target_measured"].samples} == {
        "pool_efficiency": 1,
        "statement_time_p95": 0,
    }
    (saving,) = found["pgtune_estimated_daily_savings_seconds"].samples
    assert saving.value == 86.4 and saving.labels == {"server": "orders-db", "state": "new", "rule": "IX001"}
    assert found["pgtune_regressions"].samples[0].labels["severity"] == "critical"
    assert found["pgtune_unused_index_size_bytes"].samples[0].value == 8192


def test_label_values_are_escaped_and_names_checked():
    text = render_families([Family("pgtune_x", "help\\with\nlines").add(1.5, source='a "b"\\c\nd')])
    (sample,) = families(text)["pgtune_x"].samples
    assert sample.labels["source"] == 'a "b"\\c\nd' and sample.value == 1.5
    with pytest.raises(ValueError):
        render_families([Family("pgtune-x", "bad name").add(1)])
    with pytest.raises(ValueError):
        render_families([Family("pgtune_x", "bad label").add(1, **{"__name": "x"})])
    assert render_families([Family("pgtune_empty", "no samples")]) == ""


@pytest.mark.parametrize("text", [prometheus.render(CANONICAL), history_prometheus.render(HISTORY)])
def test_promtool_accepts_the_exposition(text):
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool is not installed (Debian's prometheus package, ~100 MB, is not part of the test setup)")
    checked = subprocess.run([promtool, "check", "metrics"], input=text, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_grafana_dashboard_queries_only_metrics_pgtune_writes():
    dashboard = json.loads(DASHBOARD.read_text())
    queried = {
        name
        for panel in dashboard["panels"]
        for target in panel["targets"]
        for name in re.findall(r"pgtune_[a-z0-9_]+", target["expr"])
    }
    written = set(families(prometheus.render(CANONICAL))) | set(families(history_prometheus.render(HISTORY)))
    written |= {"pgtune_pool_efficiency_ratio"}  # the canonical report has no pooler; HISTORY has it
    assert queried and queried <= written, queried - written
    assert dashboard["templating"]["list"][1]["definition"] == "label_values(pgtune_info, server)"
