"""The refactor guard's comparison: what counts as a changed line, and what as noise."""

from __future__ import annotations

from bench.outputs import compare


def test_identical_outputs_change_nothing():
    lines = ["exit 0", "a", "b"]
    assert compare(lines, lines, lines) == (0, [])


def test_a_line_that_varies_between_the_same_checkouts_runs_is_noise_even_with_other_numbers():
    before = ["exit 0", "collected 03:32 UTC", "13 recommendations"]
    again = ["exit 0", "collected 03:34 UTC", "13 recommendations"]
    after = ["exit 0", "collected 03:33 UTC", "13 recommendations"]
    assert compare(before, again, after) == (0, [])


def test_a_stable_line_that_changes_is_counted_and_shown():
    before = ["exit 0", "collected 03:32 UTC", "13 recommendations"]
    again = ["exit 0", "collected 03:34 UTC", "13 recommendations"]
    after = ["exit 0", "collected 03:33 UTC", "12 recommendations", "one more line"]
    changed, diff = compare(before, again, after)
    assert changed == 2
    assert "-13 recommendations" in diff and "+12 recommendations" in diff and "+one more line" in diff


def test_a_line_that_drifted_away_by_the_rerun_is_judged_against_the_rerun():
    before = ["exit 0", "cache hit rate — public.nation (80 %)", "end"]
    again = ["exit 0", "cache hit rate", "end"]
    after = ["exit 0", "cache hit rate", "end"]
    assert compare(before, again, after) == (0, [])
