"""The parse bench runs end to end at a tiny size (its figures are measured with ``python -m bench parse``)."""

from __future__ import annotations

import json

from bench import parse


def test_bench_models_distinct_variants_and_records_them(tmp_path, capsys):
    assert parse.main(["--statements", "7", "300", "--results", str(tmp_path)]) == 0
    runs = json.loads((tmp_path / "parse.json").read_text())["runs"]
    assert [r["statements"] for r in runs] == [7, 300]
    assert [r["distinct_fingerprints"] for r in runs] == [7, 300]
    assert all(r["failures"] == 0 for r in runs)
    assert "statements/s" in capsys.readouterr().out
