"""Facts: what the collectors saw on one server at one moment, as frozen dataclasses.

Units are in the field names (``_ms``, ``_bytes``, ``_blocks``). Counters are cumulative, as the server
keeps them; the history store turns them into deltas. A ``Snapshot`` is the whole of one collection and
round-trips through versioned JSON, so every command that can work offline accepts ``--snapshot``.

One module per source (``server``, ``catalog``, ``statements``, ``timescaledb``, ``pgbouncer``) and the
``snapshot`` that holds them; every type is importable from ``pgtune.facts`` itself, the one path the rest
of the code uses.
"""

from __future__ import annotations

from .catalog import (
    CastFacts,
    ColumnFacts,
    ColumnStats,
    ConstraintFacts,
    ExtendedStatistics,
    IndexFacts,
    MutableFunction,
    SequenceFacts,
    TableFacts,
    ViewFacts,
    Volatility,
)
from .pgbouncer import PgBouncerFacts, PgBouncerPool, PgBouncerTraffic
from .server import ActivitySummary, CheckpointerStats, DatabaseStats, Extension, ServerFacts, Setting
from .snapshot import SNAPSHOT_SCHEMA_VERSION, CollectionGap, Snapshot
from .statements import LatencyHistogram, PlanNode, QualStat, StatementPlan, StatementStats, WorkloadSample
from .timescaledb import Chunk, ContinuousAggregate, Hypertable, TimescaleFacts, TimescaleJob

__all__ = [
    "SNAPSHOT_SCHEMA_VERSION",
    "ActivitySummary",
    "CastFacts",
    "CheckpointerStats",
    "Chunk",
    "CollectionGap",
    "ColumnFacts",
    "ColumnStats",
    "ConstraintFacts",
    "ContinuousAggregate",
    "DatabaseStats",
    "ExtendedStatistics",
    "Extension",
    "Hypertable",
    "IndexFacts",
    "LatencyHistogram",
    "MutableFunction",
    "PgBouncerFacts",
    "PgBouncerPool",
    "PgBouncerTraffic",
    "PlanNode",
    "QualStat",
    "SequenceFacts",
    "ServerFacts",
    "Setting",
    "Snapshot",
    "StatementPlan",
    "StatementStats",
    "TableFacts",
    "TimescaleFacts",
    "TimescaleJob",
    "ViewFacts",
    "Volatility",
    "WorkloadSample",
]
