"""Each statement's calls per day over the window its counters cover: the view's, or its own entry's (17+)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pgtune.query.model import StatementKind, StatementShape
from pgtune.whatif.workload import build_workload

from ..advisors.builders import COLLECTED_AT, snapshot, stats


def _shape(fingerprint: str) -> StatementShape:
    return StatementShape(fingerprint=fingerprint, kind=StatementKind.SELECT, text="SELECT 1")


@pytest.mark.parametrize(
    ("since_hours_ago", "calls_per_day"),
    [(None, 2_400), (6, 9_600), (48, 2_400), (0, 57_600)],
)
def test_an_entry_younger_than_the_reset_counts_over_its_own_window(since_hours_ago, calls_per_day):
    # The builders' snapshot was reset a day before collection; an entry younger than that (17's
    # stats_since) was evicted and seen again, or is new: its calls fit in fewer hours. An hour at least.
    since = None if since_hours_ago is None else COLLECTED_AT - timedelta(hours=since_hours_ago)
    entry = stats("SELECT 1", calls=2_400, stats_since=since)
    (statement,) = build_workload(snapshot(entry), [(entry, _shape("f"))])
    assert statement.calls_per_day == pytest.approx(calls_per_day)


def test_entries_merged_by_shape_add_their_own_rates():
    old = stats("SELECT 1", calls=2_400)
    young = stats("select 1", calls=600, stats_since=COLLECTED_AT - timedelta(hours=6))
    (statement,) = build_workload(snapshot(old, young), [(old, _shape("f")), (young, _shape("f"))])
    assert statement.calls_per_day == pytest.approx(2_400 + 2_400) and statement.calls == 3_000
