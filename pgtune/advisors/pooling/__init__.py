"""Connection pooling (PL): PgBouncer's pools as its admin console shows them, and connections without a pooler.

A database's demand is the mean number of its clients in a transaction between the two readings (Little's
law): PgBouncer's transaction time over the interval. PgBouncer counts that time from the client's first
query, so it holds the wait for a server connection; transaction time less wait time is the time servers
served.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from ...facts import PgBouncerFacts, PgBouncerPool, PgBouncerTraffic, Snapshot
from ..config.values import number

HEADROOM = 1.25
"""Pool sizes proposed with a quarter above the measured demand, for bursts inside the interval."""


@dataclass(frozen=True)
class PooledDatabase:
    """One database behind one PgBouncer: its pools (one per user) and its traffic between the readings."""

    pooler: PgBouncerFacts
    database: str
    pools: tuple[PgBouncerPool, ...]
    traffic: PgBouncerTraffic | None

    @property
    def demand_connections(self) -> float:
        if self.traffic is None or self.pooler.interval_s <= 0:
            return 0.0
        return self.traffic.xact_time_ms / (self.pooler.interval_s * 1000)

    @property
    def wait_share_pct(self) -> float:
        if self.traffic is None or self.traffic.xact_time_ms <= 0:
            return 0.0
        return min(100.0, 100.0 * self.traffic.wait_time_ms / self.traffic.xact_time_ms)

    @property
    def pool_size(self) -> int:
        return sum(p.pool_size for p in self.pools)

    @property
    def servers_open(self) -> float:
        return sum(p.servers_open_mean for p in self.pools)

    @property
    def servers_active_max(self) -> int:
        return sum(p.servers_active_max for p in self.pools)

    @property
    def utilisation_pct(self) -> float | None:
        if self.traffic is None or self.servers_open <= 0 or self.pooler.interval_s <= 0:
            return None
        served = max(0.0, self.traffic.xact_time_ms - self.traffic.wait_time_ms)
        return 100.0 * served / (self.servers_open * self.pooler.interval_s * 1000)


def pooled_databases(snapshot: Snapshot) -> Iterator[PooledDatabase]:
    for pooler in snapshot.poolers:
        traffic = {t.database: t for t in pooler.traffic}
        for database in sorted({p.database for p in pooler.pools}):
            pools = tuple(p for p in pooler.pools if p.database == database)
            yield PooledDatabase(pooler, database, pools, traffic.get(database))


def proposed_size(demand: float) -> int:
    return max(2, math.ceil(demand * HEADROOM))


def server_connection_limit(snapshot: Snapshot) -> int | None:
    """Connections the server gives to ordinary roles: max_connections less the superuser reserve."""
    limit = number(snapshot.server.setting("max_connections"))
    if limit is None:
        return None
    reserved = number(snapshot.server.setting("superuser_reserved_connections")) or 0
    return int(limit - reserved)


def where(pooled: PooledDatabase) -> str:
    return f"{pooled.database} through PgBouncer {pooled.pooler.address or pooled.pooler.source}"
