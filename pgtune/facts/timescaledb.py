"""The TimescaleDB catalog: hypertables, chunks, continuous aggregates, jobs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Hypertable:
    schema: str
    name: str
    time_column: str
    time_column_type: str
    chunk_interval: str
    """As the server shows it: an interval for time columns, an integer for integer columns."""
    num_dimensions: int = 1
    num_chunks: int = 0
    compression_enabled: bool = False
    segmentby: tuple[str, ...] = ()
    orderby: tuple[str, ...] = ()
    total_size_bytes: int = 0
    compressed_chunks: int = 0
    uncompressed_chunks: int = 0
    before_compression_bytes: int | None = None
    after_compression_bytes: int | None = None
    heap_size_bytes: int = 0
    """Heap and TOAST over every chunk, compressed ones included (hypertable_detailed_size)."""
    index_size_bytes: int = 0
    approximate_rows: int | None = None
    """approximate_row_count(): compressed chunks included, which the chunks' reltuples miss."""
    default_segmentby: tuple[str, ...] | None = None
    """What TimescaleDB would segment by (_timescaledb_functions.get_segmentby_defaults), None when not read."""
    default_segmentby_note: str = ""
    """Its confidence (0-10) and message."""
    default_orderby: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Chunk:
    hypertable_schema: str
    hypertable_name: str
    schema: str
    name: str
    range_start: str | None
    range_end: str | None
    is_compressed: bool
    total_size_bytes: int = 0
    index_size_bytes: int = 0
    data_start: str | None = None
    """The oldest and newest time its rows hold, from the chunk's pg_stats (None when not analyzed)."""
    data_end: str | None = None


@dataclass(frozen=True)
class ContinuousAggregate:
    schema: str
    name: str
    hypertable_schema: str
    hypertable_name: str
    definition: str
    materialized_only: bool = True
    materialization_hypertable: str = ""
    """schema.name of the hypertable holding its buckets (what refresh jobs name before TimescaleDB 2.20)."""


@dataclass(frozen=True)
class TimescaleJob:
    job_id: int
    application_name: str
    proc_name: str
    hypertable: str | None
    schedule_interval: str
    scheduled: bool
    last_run_status: str | None = None
    total_runs: int = 0
    total_failures: int = 0
    last_error: str | None = None
    last_run_started_at: datetime | None = None
    last_successful_finish: datetime | None = None
    config: tuple[tuple[str, str], ...] = ()
    """The job's config as (key, value text) pairs: a refresh policy's start_offset, end_offset, ..."""


@dataclass(frozen=True)
class TimescaleFacts:
    version: str
    hypertables: tuple[Hypertable, ...] = ()
    chunks: tuple[Chunk, ...] = ()
    continuous_aggregates: tuple[ContinuousAggregate, ...] = ()
    jobs: tuple[TimescaleJob, ...] = ()
