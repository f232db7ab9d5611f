"""PT003: hypertable chunks far smaller or larger than the memory they should fit in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ...facts import Chunk
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...report.units import human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from .ddl import qualified
from .hypertable_plan import interval_sql, interval_text
from .intervals import HOT_SHARE_OF_CACHE, cache_bytes, choose_step
from .timescale import user_hypertables

RULE = Rule(
    id="PT003",
    slug="hypertable-chunk-interval",
    title="Size hypertable chunks to the memory, not the clock",
    why=(
        "Each chunk is a table with its own indexes. Chunks far smaller than the cache multiply planning work "
        "(every statement considers every chunk it cannot exclude), catalog size and per-chunk overhead, and "
        "compress poorly; chunks far larger than the cache push the hot chunk's indexes out of memory, so every "
        "insert and recent read goes to disk."
    ),
    bad_example=(
        "SELECT create_hypertable('funding_rates', by_range('ts', INTERVAL '1 hour'));\n"
        "-- 80 rows a chunk, 720 chunks a month"
    ),
    good_example="SELECT set_chunk_time_interval('public.funding_rates', INTERVAL '1 month');",
    severity=Severity.WARNING,
    needs=("timescaledb",),
)

TOO_SMALL_SHARE = 0.01
"""Chunks under 1 % of the hot-chunk budget are overhead rather than partitioning."""
TOO_LARGE_FACTOR = 2.0
MIN_CHUNKS = 10


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    cache, source = cache_bytes(snapshot, facts.settings.memory_bytes)
    budget = int(cache * HOT_SHARE_OF_CACHE)
    for own in user_hypertables(facts):
        hypertable, interval, chunks = own.hypertable, own.interval, own.chunks
        slices = _slices(chunks)
        if interval is None or len(chunks) < MIN_CHUNKS or not slices:
            continue
        chunk_bytes = sum(slices) / len(slices)
        if budget * TOO_SMALL_SHARE <= chunk_bytes <= budget * TOO_LARGE_FACTOR:
            continue
        step = choose_step(chunk_bytes / (interval / timedelta(days=1)), budget)
        if step.length == interval:
            continue
        small = chunk_bytes < budget
        name = qualified(hypertable.schema, hypertable.name)
        yield Finding(
            rule=RULE.id,
            severity=RULE.severity,
            message=(
                f"{name} has {len(chunks)} chunks of {interval_text(interval)} holding "
                f"{human_bytes(chunk_bytes)} an interval: far {'smaller' if small else 'larger'} than the "
                f"{human_bytes(budget)} a hot chunk can have"
            ),
            help=(
                f"set the chunk interval to {step.sql}; it applies to new chunks"
                + (", and merge_chunks() can fold existing small ones" if small else "")
            ),
            target=name,
            kind="chunk-interval",
            evidence=(
                Evidence("chunks", f"{len(chunks)} ({hypertable.num_chunks} in hypertables view)"),
                Evidence("chunk interval", hypertable.chunk_interval),
                Evidence(
                    "chunk size",
                    f"{human_bytes(chunk_bytes)} of heap, TOAST and indexes per interval, on average over "
                    f"{len(slices)} full uncompressed intervals"
                    + (
                        f" ({hypertable.num_dimensions} dimensions: the chunks of one interval summed)"
                        if hypertable.num_dimensions > 1
                        else ""
                    ),
                ),
                Evidence("budget", f"{human_bytes(budget)}: a quarter of the {human_bytes(cache)} cache ({source})"),
                Evidence(
                    "proposed", f"{step.sql}: about {human_bytes(chunk_bytes * (step.length / interval))} a chunk"
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


def _slices(chunks: tuple[Chunk, ...]) -> list[int]:
    """Bytes per chunk interval (a space dimension splits one interval into several chunks), leaving out the
    newest interval, which is still filling, and compressed ones, which no longer show their raw size."""
    by_start: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_start.setdefault(chunk.range_start or "", []).append(chunk)
    starts = sorted(by_start)[:-1]
    return [
        sum(c.total_size_bytes for c in by_start[start])
        for start in starts
        if not any(c.is_compressed or not c.total_size_bytes for c in by_start[start])
    ]
