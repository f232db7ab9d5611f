"""The migration gate's model: what each schema or data change does (``DdlAction``), and what is known of
the database beforehand (``KnownSchema``). Locks are PostgreSQL's documentation ("Explicit Locking").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from .ddl_locks import Lock
from .ddl_source import SourceProblem
from .indexdef import IndexDefinition


class Kind(str, Enum):
    CREATE_TABLE = "create-table"
    CREATE_INDEX = "create-index"
    DROP_INDEX = "drop-index"
    REINDEX = "reindex"
    ADD_COLUMN = "add-column"
    ALTER_COLUMN_TYPE = "alter-column-type"
    SET_NOT_NULL = "set-not-null"
    ADD_CONSTRAINT = "add-constraint"
    VALIDATE_CONSTRAINT = "validate-constraint"
    VACUUM_FULL = "vacuum-full"
    CLUSTER = "cluster"
    LOCK_TABLE = "lock-table"
    TRUNCATE = "truncate"
    SET_PERSISTENCE = "set-persistence"
    SET_EXPRESSION = "set-expression"
    ATTACH_PARTITION = "attach-partition"
    DETACH_PARTITION = "detach-partition"
    UPDATE = "update"
    DELETE = "delete"
    DROP_TABLE = "drop-table"
    DROP_COLUMN = "drop-column"
    RENAME_TABLE = "rename-table"
    RENAME_COLUMN = "rename-column"
    RENAME_VALUE = "rename-value"
    """ALTER TYPE ... RENAME VALUE of an enum the application already uses (``table`` is the enum, ``name`` and
    ``new_name`` its old and new value); ``--trace`` reports what the enum's values were seen to become."""
    ALTER_TABLE_OTHER = "alter-table"
    CREATE_TRIGGER = "create-trigger"
    REFRESH_MATERIALIZED_VIEW = "refresh-materialized-view"
    REPLACE_VIEW = "replace-view"
    """CREATE OR REPLACE VIEW of an existing view: ACCESS EXCLUSIVE on the view, so its readers queue."""
    DOMAIN_CONSTRAINT = "domain-constraint"
    """ALTER DOMAIN ... ADD CONSTRAINT (without NOT VALID) or SET NOT NULL: every column of the domain checked."""
    DROP_DEFAULT = "drop-default"
    """A column default dropped as a side effect (DROP SEQUENCE ... CASCADE): inserts that relied on it change."""
    REFERENCE_LOCK = "reference-lock"
    """A foreign key on a new table locks the existing table it references (SHARE ROW EXCLUSIVE)."""
    STATEMENT = "statement"
    """A statement the reader does not model, seen taking a lock or failing in ``--trace``."""


class ConstraintType(str, Enum):
    FOREIGN_KEY = "foreign key"
    CHECK = "check"
    UNIQUE = "unique"
    PRIMARY_KEY = "primary key"
    EXCLUSION = "exclusion"


@dataclass(frozen=True)
class Reference:
    """A foreign key: ``columns`` of ``table`` reference ``referenced``; ``on_delete`` as pg_constraint's
    confdeltype (``a`` no action, ``r`` restrict, ``c`` cascade, ``n`` set null, ``d`` set default)."""

    table: str
    name: str
    columns: tuple[str, ...]
    referenced: str
    on_delete: str = "a"
    keys: tuple[str, ...] = ()
    """The referenced columns (empty: the referenced table's primary key, not known)."""


@dataclass(frozen=True)
class KnownSchema:
    """What is known of the database the migrations run against (from a snapshot, or nothing)."""

    column_types: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(schema.table, column) → type as ``format_type`` shows it."""
    not_null_checks: frozenset[tuple[str, str]] = frozenset()
    """(schema.table, column) with a validated ``CHECK (column IS NOT NULL)``."""
    checked_tables: frozenset[str] = frozenset()
    """Tables with at least one validated CHECK constraint (a candidate partition constraint)."""
    index_tables: Mapping[str, str] = field(default_factory=dict)
    """schema.index → schema.table."""
    tables: frozenset[str] = frozenset()
    """Every table the database has (empty: unknown)."""
    views: frozenset[str] | None = None
    """Every view and materialized view the database has, when its catalog was read (``--dsn``); None: unknown."""
    partitioned_tables: frozenset[str] = frozenset()
    row_counts: Mapping[str, int] = field(default_factory=dict)
    """schema.table → live rows, when a snapshot says."""
    not_null_columns: frozenset[tuple[str, str]] = frozenset()
    """(schema.table, column) declared NOT NULL."""
    null_fractions: Mapping[tuple[str, str], float] = field(default_factory=dict)
    """(schema.table, column) → pg_stats.null_frac, as of the table's last ANALYZE."""
    distinct_values: Mapping[tuple[str, str], float] = field(default_factory=dict)
    """(schema.table, column) → pg_stats.n_distinct (positive: a count; negative: minus a fraction of rows)."""
    sampled_values: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(schema.table, column) → values ANALYZE's sample held (histogram ends, most common values), as text:
    real rows as of that ANALYZE, never all of them."""
    sampled_ranges: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    """(schema.table, column) → the histogram's first and last bounds, for columns that have a histogram."""
    constraint_names: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """schema.table → the names of all its constraints (only tables whose constraints the source lists)."""
    check_definitions: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(schema.table, constraint) → ``CHECK (...)`` as pg_get_constraintdef shows it."""
    partition_keys: Mapping[str, tuple[str | None, ...]] = field(default_factory=dict)
    """Partitioned schema.table → its partition key columns (None for an expression)."""
    sequence_room: Mapping[str, int] = field(default_factory=dict)
    """schema.sequence → values it can still give before MAXVALUE (pg_sequences: last_value, max_value,
    increment_by), for sequences whose last_value the role may read."""
    available_extensions: frozenset[str] = frozenset()
    """The extensions the server can install (pg_available_extensions); empty when not known."""
    sequence_columns: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(schema.table, column) → the schema.sequence that fills it (OWNED BY, serial or identity)."""
    references: tuple[Reference, ...] = ()
    """Every foreign key, when the source lists the constraints."""
    default_sequences: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    """(schema.table, column) → the sequences its default calls nextval() of (the default depends on them)."""
    identity_columns: frozenset[tuple[str, str]] = frozenset()
    """(schema.table, column) of identity columns (their sequence is internal to the column)."""


@dataclass(frozen=True)
class DdlAction:
    kind: Kind
    file: str
    line: int
    column: int
    sql: str
    table: str | None
    """schema.table the action locks (public when the migration names no schema)."""
    lock: Lock | None
    target_is_new: bool = False
    """The table (or index) was created earlier in the same set of files: empty, nobody uses it yet."""
    rewrites: bool | None = False
    """The table is rewritten (None: cannot tell without knowing the column's current type)."""
    scans: bool = False
    """The whole table is read under the lock (validation, index build) without a rewrite."""
    in_transaction: bool = False
    lock_timeout_set: bool = False
    concurrently: bool = False
    name: str | None = None
    """The index, column, constraint or partition the action is about."""
    new_name: str | None = None
    constraint_type: ConstraintType | None = None
    not_valid: bool = False
    using_index: bool = False
    referenced_table: str | None = None
    reason: str = ""
    """Why it rewrites (``volatile default random()``, ``int4 → int8``) when it does."""
    old_type: str | None = None
    new_type: str | None = None
    has_not_null_check: bool = False
    whole_table: bool = False
    held_lock: Lock | None = None
    """The strongest lock earlier statements of the same transaction block already hold on the table."""
    suppressed: Mapping[str, str] = field(default_factory=dict)
    """Rule id → reason, from ``-- pgtune: ignore RULE reason`` comments on or just before the statement."""
    index: IndexDefinition | None = None
    """For CREATE INDEX: the definition, for the plan-regression gate."""
    depends_on_timezone: bool = False
    """A timestamp ↔ timestamptz change: no rewrite on 12+ when the session TimeZone is UTC."""
    timezone: str | None = None
    """The TimeZone a SET in the file chose for the session (None: the server's)."""
    tool: str = ""
    """The migration tool the file was read as (``config.TOOLS``), empty when not said."""
    do_block: tuple[int, int] | None = None
    """(line, column) of the DO block the statement runs inside: its body was read, the trace ran the block."""
    fails: str | None = None
    """Why the statement will fail when it runs, when the text (and the known schema) already says so."""
    may_fail: str | None = None
    """Why the statement fails on some data no schema source shows (a probe or the trace settles it)."""
    scans_default: str | None = None
    """The parent's DEFAULT partition, read in full under ACCESS EXCLUSIVE to prove none of its rows belongs to
    a new partition (CREATE TABLE ... PARTITION OF, ATTACH PARTITION), when it is not known empty."""
    builds_indexes: tuple[str, ...] = ()
    """Indexes the statement builds under its lock (read the whole table): the parent's indexes an ATTACHed
    partition lacks, or indexes ALTER COLUMN TYPE cannot keep (the operator class changes)."""
    rechecks: tuple[str, ...] = ()
    """CHECK constraints ALTER COLUMN TYPE re-validates against every row though the table is kept."""
    first_release: tuple[int, str] | None = None
    """(server_version_num, construct): the statement needs that release or later (MG021 against --pg-version)."""
    traced: bool = False
    """``--trace`` ran the statement: lock, rewrites, scans and lock_timeout are what the server did."""
    probed: bool = False
    """A second session tried reads and writes of the table while the traced lock was held."""
    reads_wait: bool = False
    writes_wait: bool = False
    """Reads or writes of the table waited while the statement's transaction held its locks."""
    lock_made_wait: bool = False
    """The statement itself took (or strengthened) a lock on the table, and reads or writes waited."""
    error: str | None = None
    """SQLSTATE and message when the statement failed in the trace."""
    trace_summary: str = ""

    @property
    def blocks_writes(self) -> bool:
        """Writes of the table wait while the lock is held: seen by the trace's second session, else the mode."""
        if self.probed:
            return self.writes_wait or self.reads_wait
        return self.lock is not None and self.lock.blocks_writes

    @property
    def blocks_reads(self) -> bool:
        if self.probed:
            return self.reads_wait
        return self.lock is not None and self.lock.blocks_reads


@dataclass(frozen=True)
class MigrationScript:
    file: str
    actions: tuple[DdlAction, ...]
    statement_count: int
    problems: tuple[SourceProblem, ...] = ()
    notes: tuple[str, ...] = ()
