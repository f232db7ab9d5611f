"""``python -m bench scale`` at tiny N: one row per N with consistent counts (no timings asserted)."""

from __future__ import annotations

import argparse
import json

import pytest

from bench import scale

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    """The record of one run at N = 20 and 40 on a tiny data scale."""
    results = tmp_path_factory.mktemp("results")
    assert scale.main(["--results", str(results), "--statements", "20,40", "--scale", "0.002"]) == 0
    saved = json.loads((results / "scale.json").read_text())
    assert saved["bench"] == "scale"
    return saved


def test_one_row_per_statement_count(record):
    assert [run["statements"] for run in record["runs"]] == [20, 40]
    assert record["scale"] == 0.002 and record["calls"] == 1


@pytest.mark.parametrize("index", [0, 1])
def test_counts_are_consistent(record, index):
    run = record["runs"][index]
    assert 0 < run["statements_considered"] <= run["statements"]
    assert run["candidates_considered"] > 0 and run["planner_calls"] > 0 and run["cache_hits"] >= 0
    assert 0 <= run["cache_hit_pct"] <= 100
    assert run["verified"] is True
    assert run["recommendations"] >= 0 and run["peak_rss_growth_bytes"] >= 0
    assert set(run["phase_seconds"]) == set(scale.PHASES)
    assert all(seconds >= 0 for seconds in run["phase_seconds"].values())


def test_every_replayed_statement_is_considered(record):
    """The bench's own resets are untracked, so pgtune sees exactly the N replayed statements."""
    assert [run["statements_considered"] for run in record["runs"]] == [20, 40]


def test_phase_clock_adds_up_repeated_phases():
    ticks = iter([0.0, 1.0, 3.0, 4.0])
    clock = scale.PhaseClock(lambda: next(ticks))
    clock("parsing")
    clock("what-if")
    clock("parsing")
    clock.stop()
    assert clock.seconds == {"parsing": 2.0, "what-if": 2.0}


@pytest.mark.parametrize("text", ["10,x", "0", "", "19900"])
def test_bad_statement_counts_are_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        scale._counts(text)


def test_calls_must_be_positive():
    with pytest.raises(SystemExit):
        scale.main(["--calls", "0"])


def test_statement_counts_are_read():
    assert scale._counts("100, 1000") == [100, 1000]
