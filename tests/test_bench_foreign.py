"""``python -m bench foreign`` at a tiny scale: the rows it prints and the record it writes (no timings asserted)."""

from __future__ import annotations

import json

import pytest

from bench import foreign
from bench.foreign.workload import READS, TEMPLATES, WRITES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    directory = tmp_path_factory.mktemp("results")
    arguments = ["--scale", "0.005", "--repeat", "3", "--statements", "300", "--results", str(directory)]
    assert foreign.main(arguments) == 0
    return json.loads((directory / "foreign.json").read_text())


def test_the_workload_has_the_shapes_the_issue_names():
    assert (len(READS), len(WRITES)) == (35, 7)
    texts = " ".join(t.sql for t in TEMPLATES)
    assert "taker_order_id = %s OR maker_order_id = %s" in texts
    assert "JOIN orders o ON o.id = t.taker_order_id WHERE o.user_id = %s" in texts
    assert "WHERE instrument_id = %s ORDER BY executed_at DESC LIMIT 50" in texts


def test_baseline_dba_and_pgtune_through_the_cli(record):
    rows = {row["configuration"]: row for row in record["configurations"]}
    assert list(rows) == ["baseline", "dba", "pgtune"]
    assert rows["dba"]["indexes"] == len(foreign.dba_indexes()) == 23
    assert record["indexes"]["pgtune"] and all(
        ddl.startswith("CREATE INDEX CONCURRENTLY") for ddl in record["indexes"]["pgtune"]
    )
    assert rows["baseline"]["times_cheaper"] == 1 and rows["dba"]["share_of_dba_log_pct"] in (None, pytest.approx(100))
    assert record["stats_reset"] is None and record["pgtune_whatif"]["verified"]
    names = {t.name for t in TEMPLATES}
    assert set(record["template_ms"]) == {"baseline", "dba", "pgtune", "baseline (rerun)"}
    assert all(set(means) == names for means in record["template_ms"].values())


def test_the_verdict_is_the_median_over_rounds_paired_by_parameters(record):
    rows = {row["configuration"]: row for row in record["configurations"]}
    assert {name: len(rounds) for name, rounds in record["round_ms"].items()} == dict.fromkeys(rows, 3)
    assert rows["dba"]["round_share_of_dba_log_pct"]["median"] == pytest.approx(100)
    share = rows["pgtune"]["round_share_of_dba_log_pct"]
    assert share["min"] <= share["q1"] <= share["median"] <= share["q3"] <= share["max"]
    assert rows["pgtune"]["median_round_share_pct"] == share["median"]
    assert rows["baseline"]["round_times_cheaper"]["median"] == pytest.approx(1)


def test_the_configurations_are_interleaved_on_copies_of_one_database(record):
    orders = record["round_order"]
    configurations = ["baseline", "dba", "pgtune", "baseline (rerun)"]
    assert len(orders) == 3 and all(sorted(order) == sorted(configurations) for order in orders)
    assert [order[0] for order in orders] == configurations[:3]
    assert record["template_ms"]["baseline (rerun)"].keys() == record["template_ms"]["baseline"].keys()
    assert record["noise_pct"] >= 0
