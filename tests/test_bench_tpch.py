"""`python -m bench tpch` at a tiny scale: the record's structure, never its timings."""

from __future__ import annotations

import json
import shutil

import pytest

from bench import tpch

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tpchgen-cli") is None, reason="tpchgen-cli (bench only) is not installed"),
]

QUERIES = [f"Q{n}" for n in range(1, 23)]


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tpch")
    assert tpch.main(["--scale", "0.01", "--timeout-s", "30", "--results", str(directory)]) == 0
    return json.loads((directory / "tpch.json").read_text())


def test_pgtune_analyze_is_run_under_three_budgets_and_its_script_built(record):
    assert [b["factor"] for b in record["budgets"]] == [0.25, 0.5, 1.0, "25%"]
    for budget in record["budgets"]:
        assert list(budget["costs"]) == QUERIES
        assert 0 < budget["relative_cost_22"] < 1 and 0 < budget["relative_cost_19"] <= 1
        assert 0 < budget["relative_cost_19_load_statistics"] <= 1
        assert all(len(costs) == 3 for costs in budget["costs"].values())
        assert 0 < budget["estimated_bytes"] <= budget["budget_bytes"]
        assert budget["indexes"] == len(budget["chosen"]) > 0
        assert all(i["ddl"].startswith("CREATE INDEX CONCURRENTLY") and i["real_bytes"] > 0 for i in budget["chosen"])
        assert budget["real_bytes"] == sum(i["real_bytes"] for i in budget["chosen"])
        assert budget["planner_calls"] > 0 and budget["advisor_s"] > 0
    assert record["budgets"][0]["budget_bytes"] < record["budgets"][2]["budget_bytes"]


def test_the_largest_budget_is_timed_before_and_after(record):
    assert list(record["timings_s"]) == ["before", "1 x lineitem"]
    assert all(list(runs) == QUERIES for runs in record["timings_s"].values())
    assert set(record["slower_than_10pct"]["1 x lineitem"]) <= set(QUERIES)
    assert record["lineitem_bytes"] > 0 and record["server_settings"] == tpch.SERVER_SETTINGS


def test_relative_cost_leaves_the_excluded_queries_out():
    before, after = {"Q1": 10.0, "Q2": 90.0}, {"Q1": 5.0, "Q2": 5.0}
    assert tpch.relative_cost(before, after) == pytest.approx(10 / 100)
    assert tpch.relative_cost(before, after, ("Q2",)) == pytest.approx(0.5)
