"""What the rules on existing hypertables share: each hypertable users own with its chunks and statements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ...facts import Chunk, Hypertable, Snapshot, TableFacts
from ...findings import Evidence
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


def timescale_defaults(hypertable: Hypertable, segment: str | None, order: str) -> tuple[Evidence, ...]:
    """TimescaleDB's own choice beside pgtune's (``segment``, ``order``), and why they differ: its heuristics read
    the unique indexes and pg_stats, pgtune reads the statements. Nothing when the defaults were not read."""
    if hypertable.default_segmentby is None:
        return ()
    theirs = ", ".join(hypertable.default_segmentby) or "(none)"
    their_order = ", ".join(hypertable.default_orderby or ()) or "(none)"
    ours = segment or "(none)"
    agree = tuple(filter(None, [segment])) == hypertable.default_segmentby
    order_agrees = bool(hypertable.default_orderby) and hypertable.default_orderby[0].replace('"', "") == order
    if agree and order_agrees:
        return (Evidence("TimescaleDB's default", f"segmentby {theirs}, orderby {their_order}: the same choice"),)
    reasons = []
    if not agree:
        reasons.append(
            f"it would segment by {theirs} ({hypertable.default_segmentby_note}), read from the unique indexes and "
            f"pg_stats; pgtune segments by {ours}, the column the statements filter on with = most often, because a "
            "filter on the segmentby column skips whole segments before anything is decompressed"
        )
    if not order_agrees:
        reasons.append(
            f"it would order by {their_order}; pgtune orders by {order}, the time column first, so that the batches' "
            "min/max metadata lets range reads skip batches"
        )
    return (Evidence("TimescaleDB's default", "; ".join(reasons)),)
