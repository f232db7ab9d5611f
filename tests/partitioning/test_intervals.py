"""Interval text in, interval sizing out."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from pgtune.advisors.partitioning.hypertable_plan import interval_text
from pgtune.advisors.partitioning.intervals import STEPS, cache_bytes, choose_step, parse_interval
from pgtune.facts import Setting

from .exchange import snapshot


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("1 day", timedelta(days=1)),
        ("7 days", timedelta(days=7)),
        ("01:00:00", timedelta(hours=1)),
        ("00:01:00", timedelta(minutes=1)),
        ("24:00:00", timedelta(hours=24)),
        ("7 days 02:00:00", timedelta(days=7, hours=2)),
        ("1 mon", timedelta(days=30)),
        ("2 weeks", timedelta(weeks=2)),
        ("90 days", timedelta(days=90)),
        ("1 year", timedelta(days=365)),
        ("30 seconds", timedelta(seconds=30)),
        ("1 fortnight", None),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_parse_interval(text, length):
    assert parse_interval(text) == length


@pytest.mark.parametrize(
    ("length", "text"),
    [
        (timedelta(days=1), "1 day"),
        (timedelta(days=14), "14 days"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=6), "6 hours"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(minutes=5), "5 minutes"),
    ],
)
def test_interval_text(length, text):
    assert interval_text(length) == text


MB = 1024**2


@pytest.mark.parametrize(
    ("bytes_per_day", "step"),
    [(1 * MB, "1 month"), (10 * MB, "7 days"), (100 * MB, "1 day"), (300 * MB, "6 hours"), (10_000 * MB, "1 hour")],
)
def test_choose_step_takes_the_longest_that_fits(bytes_per_day, step):
    assert choose_step(bytes_per_day, budget_bytes=256 * MB).sql == step


MOMENT = datetime(2026, 12, 17, 15, 42, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("step", "floor", "following"),
    [
        ("1 month", datetime(2026, 12, 1), datetime(2027, 1, 1)),
        ("7 days", datetime(2026, 12, 14), datetime(2026, 12, 21)),
        ("1 day", datetime(2026, 12, 17), datetime(2026, 12, 18)),
        ("6 hours", datetime(2026, 12, 17, 12), datetime(2026, 12, 17, 18)),
        ("1 hour", datetime(2026, 12, 17, 15), datetime(2026, 12, 17, 16)),
    ],
)
def test_steps_floor_to_calendar_boundaries(step, floor, following):
    chosen = next(s for s in STEPS if s.sql == step)
    start = chosen.floor(MOMENT)
    assert start == floor.replace(tzinfo=timezone.utc)
    assert chosen.next(start) == following.replace(tzinfo=timezone.utc)


def test_months_roll_over_within_a_year():
    month = STEPS[0]
    assert month.next(datetime(2026, 3, 1, tzinfo=timezone.utc)) == datetime(2026, 4, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("settings", "memory", "expected"),
    [
        ((Setting("shared_buffers", "1048576", "8kB"),), None, (8 * 1024**3, "shared_buffers")),
        ((Setting("shared_buffers", "512", "MB"),), None, (512 * MB, "shared_buffers")),
        ((Setting("shared_buffers", "4096", None),), None, (4096, "shared_buffers")),
        ((Setting("shared_buffers", "4096", "pages"),), None, (4096, "shared_buffers")),
        ((), 64 * 1024**3, (16 * 1024**3, "a quarter of RAM")),
        ((), None, (128 * MB, "the default shared_buffers (setting not collected)")),
    ],
)
def test_cache_bytes_prefers_the_setting_then_ram(settings, memory, expected):
    snap = snapshot()
    snap = dataclasses.replace(snap, server=dataclasses.replace(snap.server, settings=settings))
    assert cache_bytes(snap, memory) == expected
