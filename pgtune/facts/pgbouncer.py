"""PgBouncer's admin console, read twice during the collection."""

from __future__ import annotations

from dataclasses import dataclass


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
