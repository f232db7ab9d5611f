"""PT003: hypertable chunks whose indexes outgrow the memory, or chunks so small they are only overhead.

TimescaleDB's own sizing rule: the chunks being written, indexes included, fit in 25 % of main memory, so inserts
and recent reads stay in memory. The growth comes from the chunks themselves: what the uncompressed chunks hold
over the time span they cover, so a bulk load or a counter reset does not distort it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from ...facts import Snapshot
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from .ddl import qualified
from .hypertable_plan import interval_sql, interval_text
from .intervals import cache_bytes, choose_step
from .timescale import OwnHypertable, chunk_moment, user_hypertables

RULE = Rule(
    id="PT003",
    slug="hypertable-chunk-interval",
    title="Size hypertable chunks to the memory, not the clock",
    why=(
        "Each chunk is a table with its own indexes. TimescaleDB's sizing rule is that the chunks being written, "
        "indexes included, fit in 25 % of main memory: larger, and every insert and recent read goes to disk for "
        "index pages. Chunks far smaller multiply planning work (every statement considers every chunk it cannot "
        "exclude), catalog size and per-chunk overhead, and compress poorly."
    ),
    bad_example=(
        "SELECT create_hypertable('funding_rates', by_range('ts', INTERVAL '1 hour'));\n"
        "-- 80 rows a chunk, 720 chunks a month"
    ),
    good_example="SELECT set_chunk_time_interval('public.funding_rates', INTERVAL '1 month');",
    severity=Severity.WARNING,
    needs=("timescaledb",),
)

MEMORY_SHARE = 0.25
"""TimescaleDB's rule: the chunks being written, with their indexes, in a quarter of main memory."""
TOO_SMALL_SHARE = 0.01
"""Chunks (heap and indexes) under 1 % of that budget are overhead rather than partitioning."""
MIN_CHUNKS = 10


@dataclass(frozen=True)
class Growth:
    """What a hypertable's uncompressed chunks hold over the time their ranges cover, up to now."""

    index_bytes: int
    total_bytes: int
    span: timedelta
    chunks: int
    written: bool
    """A chunk's range holds the collection time, or the newest chunk ended less than an interval before it."""

    def per(self, length: timedelta, kind: str = "index") -> float:
        return (self.index_bytes if kind == "index" else self.total_bytes) * (length / self.span)


def memory_budget(snapshot: Snapshot, memory_bytes: int | None) -> tuple[int, str]:
    """A quarter of RAM when it was declared; else shared_buffers, which the usual sizing sets to a quarter of it."""
    if memory_bytes:
        return int(memory_bytes * MEMORY_SHARE), f"25 % of the {human_bytes(memory_bytes)} of RAM declared"
    cache, source = cache_bytes(snapshot, None)
    return cache, f"{source} ({human_bytes(cache)}), standing in for 25 % of RAM: pass --memory for the real figure"


def growth(own: OwnHypertable, now: datetime) -> Growth | None:
    """What the uncompressed chunks hold over the time their rows cover: each chunk's range, narrowed to its rows'
    own span where its pg_stats say (a 30-day chunk begun two days ago holds two days), and to now."""
    interval = own.interval
    spans = []
    for chunk in own.chunks:
        start, end = chunk_moment(chunk.range_start), chunk_moment(chunk.range_end)
        if chunk.is_compressed or start is None or end is None or start >= now:
            continue
        being_written = end > now
        first, last = chunk_moment(chunk.data_start), chunk_moment(chunk.data_end)
        start = max(start, first) if first else start
        # The chunk being written has taken rows since its statistics were gathered: its span runs to now.
        end = now if being_written else min(end, last) if last else end
        spans.append((chunk, start, max(end, start)))
    if not spans or interval is None:
        return None
    newest_end = max(chunk_moment(c.range_end) for c, _, _ in spans)
    return Growth(
        index_bytes=sum(c.index_size_bytes for c, _, _ in spans),
        total_bytes=sum(c.total_size_bytes for c, _, _ in spans),
        span=max(_covered([(start, end) for _, start, end in spans]), timedelta(minutes=1)),
        chunks=len(spans),
        written=newest_end + interval > now,
    )


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    budget, source = memory_budget(snapshot, facts.settings.memory_bytes)
    measured = {
        (own.hypertable.schema, own.hypertable.name): (own, found)
        for own in user_hypertables(facts)
        if own.interval is not None and (found := growth(own, snapshot.collected_at)) is not None
    }
    written = {
        name: found.per(own.interval) for name, (own, found) in measured.items() if found.written and found.index_bytes
    }
    written_bytes = sum(written.values())
    for name, (own, found) in measured.items():
        interval = own.interval
        index_rate = found.per(timedelta(days=1))
        step, problem = None, ""
        if name in written and written_bytes > budget:
            shorter = choose_step(sum(measured[n][1].per(timedelta(days=1)) for n in written), budget)
            if shorter.length < interval:
                step = shorter
                problem = (
                    f"the indexes of the chunks being written take {human_bytes(written_bytes)}, over the "
                    f"{human_bytes(budget)} TimescaleDB's rule allows"
                )
        if step is None and len(own.chunks) >= MIN_CHUNKS and found.per(interval, "total") < budget * TOO_SMALL_SHARE:
            # What the other hypertables' chunks leave, and at least an equal share when they already overrun it.
            others = written_bytes - written.get(name, 0.0)
            allowance = max(budget - others, budget / max(len(written), 1))
            longer = choose_step(index_rate, int(allowance))
            step = longer if longer.length > interval else None
            problem = (
                f"each holds {human_bytes(found.per(interval, 'total'))}, under 1 % of the {human_bytes(budget)} "
                "budget: chunk overhead outweighs the partitioning"
            )
        if step is None or step.length == interval:
            continue
        yield _finding(own, found, interval, step, problem, budget, source, written_bytes)


def _finding(own, found: Growth, interval: timedelta, step, problem: str, budget: int, source: str, written_bytes):
    hypertable = own.hypertable
    name = qualified(hypertable.schema, hypertable.name)
    smaller = step.length < interval
    return Finding(
        rule=RULE.id,
        severity=RULE.severity,
        message=f"{name} has {len(own.chunks)} chunks of {interval_text(interval)}: {problem}",
        help=(
            f"set the chunk interval to {step.sql}; it applies to new chunks"
            + ("" if smaller else ", and merge_chunks() can fold existing small ones")
        ),
        target=name,
        kind="chunk-interval",
        evidence=(
            Evidence("chunks", len(own.chunks), Unit.COUNT, f" ({hypertable.num_chunks} in the hypertables view)"),
            Evidence("chunk interval", hypertable.chunk_interval),
            Evidence(
                "growth",
                found.per(timedelta(days=1), "total"),
                Unit.BYTES,
                f" a day, {human_bytes(found.per(timedelta(days=1)))} of it indexes: what {found.chunks} uncompressed "
                f"chunks hold over the {_days(found.span)} their rows cover"
                + (
                    f" ({hypertable.num_dimensions} dimensions: the chunks of one interval summed)"
                    if hypertable.num_dimensions > 1
                    else ""
                ),
            ),
            (
                Evidence(
                    "being written",
                    written_bytes,
                    Unit.BYTES,
                    " of indexes in the chunks of every hypertable being written now",
                )
                if found.written
                else Evidence("being written", "no chunk of it is being written now")
            ),
            Evidence("budget", budget, Unit.BYTES, f": {source}"),
            Evidence(
                "proposed",
                f"{step.sql}: about {human_bytes(found.per(step.length, 'total'))} a chunk, "
                f"{human_bytes(found.per(step.length))} of it indexes",
            ),
        ),
        fix=Fix(
            f"SELECT set_chunk_time_interval('{name}', {interval_sql(step.sql)});\n",
            f"SELECT set_chunk_time_interval('{name}', {interval_sql(hypertable.chunk_interval)});\n",
            FixSafety.ONLINE,
            "existing chunks keep their size",
        ),
        confidence="medium",
    )


def _covered(ranges: list[tuple[datetime, datetime]]) -> timedelta:
    """The time the ranges cover together: the chunks of one interval under a space dimension overlap, and a gap
    between chunks (no rows for a while) is no growth."""
    total, reach = timedelta(), None
    for start, end in sorted(ranges):
        if reach is not None and start < reach:
            start = reach
        if end > start:
            total += end - start
            reach = end
    return total


def _days(span: timedelta) -> str:
    days = span / timedelta(days=1)
    return f"{days:.1f} days" if days >= 1 else f"{span / timedelta(hours=1):.1f} hours"
