"""The health bench at toy scale: it runs every rule and records what it measured."""

from __future__ import annotations

import json

import bench.common
from bench import health


def test_health_bench_records_every_rule(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bench.common, "RESULTS", tmp_path)
    assert health.main(["--tables", "30", "--indexes-per-table", "3"]) == 0
    record = json.loads((tmp_path / "health.json").read_text())
    assert record["tables"] == 30 and record["indexes"] == 90
    rules = {r["rule"]: r["findings"] for r in record["rules"]}
    assert rules["IX002"] > 0 and rules["MT007"] > 0 and rules["IX003"] == 0
    assert "health advisors" in capsys.readouterr().out
