"""What the rules on existing hypertables share: each hypertable users own with its chunks and statements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ...facts import Chunk, Hypertable, Snapshot, TableFacts
from ...whatif.workload import WorkloadStatement
from ..base import AnalysisFacts
from .intervals import parse_interval
from .signals import SKIPPED_SCHEMAS, statements_by_table


@dataclass(frozen=True)
class OwnHypertable:
    hypertable: Hypertable
    chunks: tuple[Chunk, ...]
    statements: tuple[WorkloadStatement, ...]
    """The workload statements that touch it."""

    @property
    def interval(self) -> timedelta | None:
        """None for integer time columns, whose interval is a count, not a duration."""
        return parse_interval(self.hypertable.chunk_interval)


def user_hypertables(facts: AnalysisFacts) -> tuple[OwnHypertable, ...]:
    """The hypertables outside TimescaleDB's own schemas, with chunks and statements grouped in one pass."""
    timescale = facts.snapshot.timescaledb
    if timescale is None:
        return ()
    chunks: dict[tuple[str, str], list[Chunk]] = {}
    for chunk in timescale.chunks:
        chunks.setdefault((chunk.hypertable_schema, chunk.hypertable_name), []).append(chunk)
    statements = statements_by_table(facts.workload)
    return tuple(
        OwnHypertable(h, tuple(chunks.get((h.schema, h.name), ())), tuple(statements.get((h.schema, h.name), ())))
        for h in timescale.hypertables
        if h.schema not in SKIPPED_SCHEMAS
    )


def as_table(hypertable: Hypertable, snapshot: Snapshot) -> TableFacts:
    """The hypertable as the statements see it: its own table facts when collected, else its name alone."""
    return snapshot.table(hypertable.schema, hypertable.name) or TableFacts(hypertable.schema, hypertable.name)


def chunk_moment(text: str | None) -> datetime | None:
    """A chunk bound as a moment; a timestamp without time zone (or a date) is read as UTC."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
