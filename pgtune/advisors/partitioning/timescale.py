"""What the rules on existing hypertables share: the hypertables users own, their chunks, and the workload."""

from __future__ import annotations

from datetime import timedelta

from ...facts import Chunk, Hypertable, Snapshot, TableFacts
from ...whatif.workload import WorkloadStatement
from .intervals import parse_interval
from .signals import SKIPPED_SCHEMAS


def user_hypertables(snapshot: Snapshot) -> tuple[Hypertable, ...]:
    if snapshot.timescaledb is None:
        return ()
    return tuple(h for h in snapshot.timescaledb.hypertables if h.schema not in SKIPPED_SCHEMAS)


def chunks_of(snapshot: Snapshot, hypertable: Hypertable) -> tuple[Chunk, ...]:
    if snapshot.timescaledb is None:
        return ()
    return tuple(
        c
        for c in snapshot.timescaledb.chunks
        if (c.hypertable_schema, c.hypertable_name) == (hypertable.schema, hypertable.name)
    )


def chunk_interval(hypertable: Hypertable) -> timedelta | None:
    """None for integer time columns, whose interval is a count, not a duration."""
    return parse_interval(hypertable.chunk_interval)


def as_table(hypertable: Hypertable, snapshot: Snapshot) -> TableFacts:
    """The hypertable as the statements see it: its own table facts when collected, else its name alone."""
    return snapshot.table(hypertable.schema, hypertable.name) or TableFacts(hypertable.schema, hypertable.name)


def statements_on(statements, hypertable: Hypertable) -> tuple[WorkloadStatement, ...]:
    return tuple(s for s in statements if s.touches(hypertable.schema, hypertable.name))
