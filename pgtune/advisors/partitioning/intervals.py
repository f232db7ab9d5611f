"""Intervals: reading the server's interval text, sizing a partition or chunk interval from growth and memory."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ...facts import Snapshot

_UNITS = {
    "microsecond": timedelta(microseconds=1),
    "millisecond": timedelta(milliseconds=1),
    "second": timedelta(seconds=1),
    "sec": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "min": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
    "mon": timedelta(days=30),
    "month": timedelta(days=30),
    "year": timedelta(days=365),
}
_PART = re.compile(r"(?P<number>-?\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+?)s?\b")
_CLOCK = re.compile(r"(?P<hours>\d+):(?P<minutes>\d{2}):(?P<seconds>\d{2}(?:\.\d+)?)")

HOT_SHARE_OF_CACHE = 0.25
"""The newest partition and its indexes should fit in a quarter of shared_buffers: it takes every insert and
most reads, and the rest of the cache serves everything else."""
RAM_SHARE_FOR_CACHE = 0.25
DEFAULT_CACHE_BYTES = 128 * 1024**2
"""PostgreSQL's default shared_buffers, assumed when neither the setting nor the RAM is known."""


def parse_interval(text: str | None) -> timedelta | None:
    """An interval as PostgreSQL prints or accepts it ('1 day', '7 days 02:00:00', '00:01:00', '1 mon')."""
    if not text:
        return None
    lowered = text.strip().lower()
    total = timedelta()
    matched = False
    clock = _CLOCK.search(lowered)
    if clock:
        total += timedelta(hours=int(clock["hours"]), minutes=int(clock["minutes"]), seconds=float(clock["seconds"]))
        lowered = lowered[: clock.start()] + lowered[clock.end() :]
        matched = True
    for part in _PART.finditer(lowered):
        unit = _UNITS.get(part["unit"]) or _UNITS.get(part["unit"].rstrip("s"))
        if unit is None:
            return None
        total += unit * float(part["number"])
        matched = True
    return total if matched else None


@dataclass(frozen=True)
class Step:
    """One interval pgtune proposes: how PostgreSQL spells it and where its boundaries fall."""

    sql: str
    length: timedelta
    adjective: str
    """How the report says it: daily partitions, hourly chunks."""

    def floor(self, moment: datetime) -> datetime:
        moment = moment.astimezone(timezone.utc)
        if self.length >= timedelta(days=28):
            return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        if self.length >= timedelta(weeks=1):
            day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
            return day - timedelta(days=day.weekday())
        if self.length >= timedelta(days=1):
            return moment.replace(hour=0, minute=0, second=0, microsecond=0)
        hours = int(self.length / timedelta(hours=1))
        return moment.replace(hour=moment.hour - moment.hour % hours, minute=0, second=0, microsecond=0)

    def next(self, boundary: datetime) -> datetime:
        if self.length >= timedelta(days=28):
            year, month = (boundary.year + 1, 1) if boundary.month == 12 else (boundary.year, boundary.month + 1)
            return boundary.replace(year=year, month=month)
        return boundary + self.length


STEPS = (
    Step("1 month", timedelta(days=30), "monthly"),
    Step("7 days", timedelta(weeks=1), "weekly"),
    Step("1 day", timedelta(days=1), "daily"),
    Step("6 hours", timedelta(hours=6), "6-hour"),
    Step("1 hour", timedelta(hours=1), "hourly"),
)
"""Largest first: the first whose growth fits the budget wins; 1 hour is the floor."""


def cache_bytes(snapshot: Snapshot, memory_bytes: int | None) -> tuple[int, str]:
    """The cache the hot partition competes for, and where the figure came from."""
    setting = snapshot.server.setting("shared_buffers")
    if setting is not None and setting.value.isdigit():
        return int(setting.value) * _unit_bytes(setting.unit), "shared_buffers"
    if memory_bytes:
        return int(memory_bytes * RAM_SHARE_FOR_CACHE), "a quarter of RAM"
    return DEFAULT_CACHE_BYTES, "the default shared_buffers (setting not collected)"


def _unit_bytes(unit: str | None) -> int:
    match = re.fullmatch(r"(\d*)\s*([kMGT]?B)", unit or "B")
    if not match:
        return 1
    scale = {"B": 1, "kB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}[match[2]]
    return int(match[1] or 1) * scale


def choose_step(bytes_per_day: float, budget_bytes: int, shortest: timedelta = timedelta(hours=1)) -> Step:
    """The longest interval whose partition (heap and indexes) stays within the budget, and no shorter than
    ``shortest`` (a day for a date column)."""
    allowed = [step for step in STEPS if step.length >= shortest]
    for step in allowed:
        if bytes_per_day * (step.length / timedelta(days=1)) <= budget_bytes:
            return step
    return allowed[-1]
