"""The server and its counters: pg_settings, extensions, pg_stat_database, pg_stat_activity and the checkpointer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
    available_extensions: tuple[str, ...] = ()
    """pg_available_extensions: what CREATE EXTENSION can install here (empty: not collected)."""
    database_size_bytes: int = 0
    started_at: datetime | None = None

    def setting(self, name: str) -> Setting | None:
        return next((s for s in self.settings if s.name == name), None)

    def extension(self, name: str) -> Extension | None:
        return next((e for e in self.extensions if e.name == name), None)


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
