"""Facts: what the collectors saw on one server at one moment, as frozen dataclasses.

Units are in the field names (``_ms``, ``_bytes``, ``_blocks``). Counters are cumulative, as the server
keeps them; the history store turns them into deltas. A ``Snapshot`` is the whole of one collection and
round-trips through versioned JSON, so every command that can work offline accepts ``--snapshot``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .errors import BadInput
from .serialization import from_jsonable, to_jsonable

SNAPSHOT_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Setting:
    name: str
    value: str
    unit: str | None = None
    context: str = ""
    source: str = ""
    boot_value: str | None = None
    pending_restart: bool = False


@dataclass(frozen=True)
class Extension:
    name: str
    version: str
    schema: str


@dataclass(frozen=True)
class ServerFacts:
    version_num: int
    version: str
    database: str
    role: str
    is_superuser: bool = False
    has_pg_monitor: bool = False
    settings: tuple[Setting, ...] = ()
    extensions: tuple[Extension, ...] = ()
    database_size_bytes: int = 0
    started_at: datetime | None = None

    def setting(self, name: str) -> Setting | None:
        return next((s for s in self.settings if s.name == name), None)

    def extension(self, name: str) -> Extension | None:
        return next((e for e in self.extensions if e.name == name), None)


@dataclass(frozen=True)
class StatementStats:
    """One pg_stat_statements entry (summed over users when collected per database)."""

    queryid: int | None
    query: str
    calls: int
    total_exec_ms: float
    mean_exec_ms: float
    stddev_exec_ms: float = 0.0
    min_exec_ms: float = 0.0
    max_exec_ms: float = 0.0
    total_plan_ms: float | None = None
    rows: int = 0
    shared_blks_hit: int = 0
    shared_blks_read: int = 0
    shared_blks_dirtied: int = 0
    shared_blks_written: int = 0
    local_blks_hit: int = 0
    local_blks_read: int = 0
    temp_blks_read: int = 0
    temp_blks_written: int = 0
    blk_read_ms: float = 0.0
    blk_write_ms: float = 0.0
    wal_records: int | None = None
    wal_bytes: int | None = None
    jit_ms: float | None = None
    toplevel: bool = True
    role: str | None = None
    stats_since: datetime | None = None
    """When this entry began counting (17+); before 17 only the whole view's reset time is known."""
    parallel_workers_to_launch: int | None = None
    """Parallel workers the plans asked for, and those that got a worker process (18+)."""
    parallel_workers_launched: int | None = None


@dataclass(frozen=True)
class ColumnFacts:
    name: str
    type: str
    not_null: bool = False
    default: str | None = None
    identity: str = ""
    generated: str = ""
    type_name: str = ""
    """pg_type's name (``timestamptz``, ``int4``): how casts and function signatures name the type."""


@dataclass(frozen=True)
class TableFacts:
    schema: str
    name: str
    kind: str = "r"
    columns: tuple[ColumnFacts, ...] = ()
    parent: str | None = None
    partition_key: str | None = None
    reltuples: float = 0.0
    relpages: int = 0
    relallvisible: int = 0
    size_bytes: int = 0
    total_size_bytes: int = 0
    n_live_tup: int = 0
    n_dead_tup: int = 0
    n_mod_since_analyze: int = 0
    seq_scan: int = 0
    seq_tup_read: int = 0
    idx_scan: int = 0
    idx_tup_fetch: int = 0
    n_tup_ins: int = 0
    n_tup_upd: int = 0
    n_tup_del: int = 0
    n_tup_hot_upd: int = 0
    heap_blks_read: int = 0
    heap_blks_hit: int = 0
    last_vacuum: datetime | None = None
    last_autovacuum: datetime | None = None
    last_analyze: datetime | None = None
    last_autoanalyze: datetime | None = None
    vacuum_count: int = 0
    autovacuum_count: int = 0
    xid_age: int = 0
    mxid_age: int = 0
    reloptions: tuple[str, ...] = ()

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True)
class IndexFacts:
    schema: str
    table: str
    name: str
    definition: str
    method: str = "btree"
    columns: tuple[str | None, ...] = ()
    """Key columns in order; None where the key is an expression (see ``expressions``)."""
    expressions: tuple[str, ...] = ()
    include_columns: tuple[str, ...] = ()
    predicate: str | None = None
    is_unique: bool = False
    is_primary: bool = False
    is_valid: bool = True
    is_ready: bool = True
    backs_constraint: str | None = None
    idx_scan: int = 0
    idx_tup_read: int = 0
    idx_tup_fetch: int = 0
    idx_blks_read: int = 0
    idx_blks_hit: int = 0
    size_bytes: int = 0

    @property
    def qualified_table(self) -> str:
        return f"{self.schema}.{self.table}"


@dataclass(frozen=True)
class ConstraintFacts:
    schema: str
    table: str
    name: str
    kind: str
    """p primary key, u unique, f foreign key, c check, x exclusion."""
    columns: tuple[str, ...] = ()
    definition: str = ""
    validated: bool = True
    referenced_table: str | None = None
    referenced_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class ColumnStats:
    """pg_stats for one column."""

    schema: str
    table: str
    column: str
    null_frac: float = 0.0
    n_distinct: float = 0.0
    """As pg_stats: positive = count, negative = minus the fraction of rows."""
    avg_width_bytes: int = 0
    most_common_values: tuple[str, ...] = ()
    most_common_freqs: tuple[float, ...] = ()
    correlation: float | None = None
    lowest_value: str | None = None
    highest_value: str | None = None
    """The histogram's first and last bounds, as text: the span of the sampled values."""


@dataclass(frozen=True)
class SequenceFacts:
    schema: str
    name: str
    data_type: str
    last_value: int | None
    max_value: int
    owned_by: str | None = None
    """The column it fills (OWNED BY, serial or identity) as schema.table.column."""


@dataclass(frozen=True)
class ExtendedStatistics:
    """One CREATE STATISTICS object (pg_statistic_ext) on plain columns."""

    schema: str
    name: str
    table_schema: str
    table: str
    columns: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    """As stxkind: d n-distinct, f functional dependencies, m most common values, e expressions."""


@dataclass(frozen=True)
class ViewFacts:
    schema: str
    name: str
    definition: str
    materialized: bool = False


@dataclass(frozen=True)
class DatabaseStats:
    name: str
    xact_commit: int = 0
    xact_rollback: int = 0
    blks_read: int = 0
    blks_hit: int = 0
    temp_files: int = 0
    temp_bytes: int = 0
    deadlocks: int = 0
    conflicts: int = 0
    xid_age: int = 0
    mxid_age: int = 0
    stats_reset: datetime | None = None


@dataclass(frozen=True)
class ActivitySummary:
    """pg_stat_activity of client backends at collection time."""

    max_connections: int
    total: int = 0
    active: int = 0
    idle: int = 0
    idle_in_transaction: int = 0
    idle_in_transaction_aborted: int = 0
    waiting: int = 0
    longest_transaction_s: float = 0.0
    longest_idle_in_transaction_s: float = 0.0


@dataclass(frozen=True)
class CheckpointerStats:
    checkpoints_timed: int = 0
    checkpoints_requested: int = 0
    checkpoint_write_ms: float = 0.0
    checkpoint_sync_ms: float = 0.0
    buffers_checkpoint: int = 0
    buffers_clean: int = 0
    buffers_backend: int | None = None
    maxwritten_clean: int = 0
    stats_reset: datetime | None = None


@dataclass(frozen=True)
class QualStat:
    """One pg_qualstats predicate: the constant it compared with and how selective it was."""

    schema: str
    table: str
    column: str
    operator: str
    constant: str | None
    executions: int
    filter_ratio: float
    queryid: int | None = None


@dataclass(frozen=True)
class PlanNode:
    node_type: str
    startup_cost: float
    total_cost: float
    plan_rows: float
    plan_width: int = 0
    relation: str | None = None
    schema: str | None = None
    alias: str | None = None
    index_name: str | None = None
    join_type: str | None = None
    filter: str | None = None
    index_cond: str | None = None
    sort_keys: tuple[str, ...] = ()
    actual_rows: float | None = None
    actual_loops: int | None = None
    actual_total_ms: float | None = None
    shared_hit_blocks: int | None = None
    shared_read_blocks: int | None = None
    subplans_removed: int | None = None
    children: tuple[PlanNode, ...] = ()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class StatementPlan:
    queryid: int | None
    query: str
    generic: bool
    analyzed: bool
    root: PlanNode | None = None
    error: str | None = None
    planning_ms: float | None = None
    execution_ms: float | None = None


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


@dataclass(frozen=True)
class PgBouncerPool:
    """One PgBouncer pool (database, user) over the collection: SHOW POOLS at its start and end, SHOW CLIENTS
    and SHOW DATABASES at its end."""

    database: str
    user: str
    pool_mode: str
    pool_size: int = 0
    """The pool's server-connection limit (SHOW DATABASES pool_size: the database's own, else default_pool_size)."""
    reserve_pool_size: int = 0
    clients_active: int = 0
    clients_waiting_max: int = 0
    """The most clients seen queued for a server connection at one reading."""
    servers_active_max: int = 0
    """The most server connections seen linked to a client at one reading."""
    servers_open_mean: float = 0.0
    """Server connections open in any state (active, idle, used, tested, login), mean of the readings."""
    servers_idle: int = 0
    servers_idle_over_60s: int = 0
    """Server connections (SHOW SERVERS) in state idle whose last request is at least 60 s old."""
    maxwait_max_s: float = 0.0
    """The longest a client at the head of the queue had waited, at the worse reading."""
    clients_idle_over_60s: int = 0
    """Clients whose last request is at least 60 s old."""
    longest_client_idle_s: float = 0.0
    prepared_statements: int | None = None
    """Prepared statements PgBouncer tracks for this pool's clients (1.21+); None when this version cannot say."""


@dataclass(frozen=True)
class PgBouncerTraffic:
    """One database's SHOW STATS counters between the two readings (deltas)."""

    database: str
    transactions: int = 0
    queries: int = 0
    xact_time_ms: float = 0.0
    """Time clients spent in transactions, counted by PgBouncer from the client's first query: the time spent
    queued for a server connection is inside it (a pool of 2 under 8 pgbench clients counts 7.9 s of it per
    second, 5.9 s of them waiting)."""
    query_time_ms: float = 0.0
    wait_time_ms: float = 0.0
    """Time clients spent queued for a server connection."""


@dataclass(frozen=True)
class PgBouncerFacts:
    """One PgBouncer's admin console, read twice ``interval_s`` apart."""

    source: str
    """Its DSN, password removed."""
    version: str
    interval_s: float
    address: str = ""
    """host:port, to name it in findings."""
    pool_mode: str = "session"
    default_pool_size: int = 0
    max_client_conn: int = 0
    max_db_connections: int = 0
    """0: no limit per database."""
    max_prepared_statements: int | None = None
    """None when this PgBouncer has no such setting (before 1.21): it cannot pool prepared statements."""
    pools: tuple[PgBouncerPool, ...] = ()
    traffic: tuple[PgBouncerTraffic, ...] = ()


@dataclass(frozen=True)
class LatencyHistogram:
    """Statement execution times in buckets (pg_stat_monitor's resp_calls, summed over its statements)."""

    source: str
    upper_bounds_ms: tuple[float | None, ...]
    """Each bucket's upper edge; None for the last, open-ended bucket."""
    counts: tuple[int, ...]


@dataclass(frozen=True)
class WorkloadSample:
    """A statement as the application sent it (literals intact), from a workload file, a server log or
    pg_qualstats' example queries (which keep inline constants and show bound parameters as ``$n``)."""

    text: str
    source: str
    duration_ms: float | None = None
    line: int | None = None
    queryid: int | None = None
    from_plan: bool = False
    """Logged by auto_explain with its plan (its own threshold), not by the statement-duration settings."""


@dataclass(frozen=True)
class MutableFunction:
    """A function overload that is not immutable (``s`` stable, ``v`` volatile): no index may call it."""

    name: str
    arg_types: tuple[str, ...]
    volatility: str


@dataclass(frozen=True)
class CastFacts:
    """A cast and its volatility; ``source`` None is the I/O coercion into ``target`` (its input function)."""

    source: str | None
    target: str
    volatility: str


@dataclass(frozen=True)
class Volatility:
    """What decides whether an index expression is immutable, from pg_proc, pg_cast and pg_type."""

    mutable_functions: tuple[MutableFunction, ...] = ()
    casts: tuple[CastFacts, ...] = ()


@dataclass(frozen=True)
class CollectionGap:
    """Something the collection could not see, why, and what would let it."""

    source: str
    reason: str
    remedy: str = ""


@dataclass(frozen=True)
class Snapshot:
    server: ServerFacts
    collected_at: datetime
    schema_version: int = SNAPSHOT_SCHEMA_VERSION
    statements: tuple[StatementStats, ...] = ()
    statements_reset_at: datetime | None = None
    statements_deallocations: int | None = None
    tables: tuple[TableFacts, ...] = ()
    indexes: tuple[IndexFacts, ...] = ()
    constraints: tuple[ConstraintFacts, ...] = ()
    column_stats: tuple[ColumnStats, ...] = ()
    sequences: tuple[SequenceFacts, ...] = ()
    database: DatabaseStats | None = None
    activity: ActivitySummary | None = None
    checkpointer: CheckpointerStats | None = None
    qualstats: tuple[QualStat, ...] = ()
    plans: tuple[StatementPlan, ...] = ()
    timescaledb: TimescaleFacts | None = None
    workload: tuple[WorkloadSample, ...] = ()
    gaps: tuple[CollectionGap, ...] = field(default=())
    views: tuple[ViewFacts, ...] = ()
    extended_statistics: tuple[ExtendedStatistics, ...] = ()
    example_queries: tuple[WorkloadSample, ...] = ()
    """pg_qualstats' example of each statement: the application's text, inline constants kept."""
    volatility: Volatility | None = None
    """None when not collected (older snapshots): expression candidates are then left to HypoPG to refuse."""
    poolers: tuple[PgBouncerFacts, ...] = ()
    """The PgBouncers in front of the server (``--pgbouncer``), each read twice during the collection."""
    latency_histogram: LatencyHistogram | None = None

    def table(self, schema: str, name: str) -> TableFacts | None:
        return next((t for t in self.tables if t.schema == schema and t.name == name), None)

    def indexes_of(self, schema: str, table: str) -> tuple[IndexFacts, ...]:
        return tuple(i for i in self.indexes if i.schema == schema and i.table == table)

    def stats_of(self, schema: str, table: str, column: str) -> ColumnStats | None:
        return next(
            (c for c in self.column_stats if c.schema == schema and c.table == table and c.column == column), None
        )

    def to_json(self) -> str:
        return json.dumps(to_jsonable(self), indent=1, sort_keys=False)

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInput(f"the snapshot is not JSON: {exc}", "pass a file written by pgtune snapshot") from None
        if not isinstance(data, dict) or "server" not in data:
            raise BadInput("the file is not a pgtune snapshot", "pass a file written by pgtune snapshot")
        version = data.get("schema_version")
        if not isinstance(version, int) or version > SNAPSHOT_SCHEMA_VERSION:
            raise BadInput(
                f"snapshot schema version {version!r} is newer than this pgtune understands "
                f"({SNAPSHOT_SCHEMA_VERSION})",
                "upgrade pgtune",
            )
        return from_jsonable(cls, data)

    @classmethod
    def load(cls, path: Path) -> Snapshot:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise BadInput(f"cannot read the snapshot {path}: {exc.strerror}", "check the path") from None
        if not raw.strip():
            raise BadInput(f"the snapshot {path} is empty", "pass a file written by pgtune snapshot")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput(f"the snapshot {path} is not UTF-8 text", "pass a file written by pgtune snapshot") from None
        return cls.from_json(text)
