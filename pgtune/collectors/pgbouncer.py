"""PgBouncer's admin console → :class:`~pgtune.facts.PgBouncerFacts`, from two readings some seconds apart.

SHOW STATS counts from PgBouncer's start, so one reading says nothing about now: the first reading is taken
when the collection starts, the second when it ends (at least ``min_interval_s`` later), and the facts hold
the difference. SHOW POOLS is read both times (queues and server connections are instants); SHOW CLIENTS, SHOW SERVERS,
SHOW DATABASES and SHOW CONFIG once, at the end.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..db import PGBOUNCER_CONSOLE, ConsoleSession, SessionGuards, connect_pgbouncer
from ..facts import PgBouncerFacts, PgBouncerPool, PgBouncerTraffic

LONG_IDLE_S = 60.0
"""A client with no request for this long holds its server connection for nothing in session mode."""
_STATS = ("total_xact_count", "total_query_count", "total_xact_time", "total_query_time", "total_wait_time")
_SERVERS_OPEN = ("sv_active", "sv_idle", "sv_used", "sv_tested", "sv_login")


@dataclass
class _Reading:
    at: float
    pools: dict[tuple[str, str], dict[str, Any]]
    stats: dict[str, dict[str, Any]]


def _read(console: ConsoleSession) -> _Reading:
    pools = {(r["database"], r["user"]): r for r in console.show("POOLS") if r["database"] != PGBOUNCER_CONSOLE}
    stats = {r["database"]: r for r in console.show("STATS") if r["database"] != PGBOUNCER_CONSOLE}
    return _Reading(time.monotonic(), pools, stats)


@dataclass
class PgBouncerWatch:
    """The PgBouncers of ``--pgbouncer``: read first on :meth:`open`, again on :meth:`finish`, then closed."""

    dsns: Sequence[str]
    min_interval_s: float = 5.0
    guards: SessionGuards | None = None
    _open: list[tuple[ConsoleSession, _Reading]] = field(default_factory=list)

    def open(self) -> PgBouncerWatch:
        try:
            for dsn in self.dsns:
                console = connect_pgbouncer(dsn, self.guards)
                try:
                    self._open.append((console, _read(console)))
                except BaseException:
                    console.close()
                    raise
        except BaseException:
            self.close()
            raise
        return self

    def finish(self) -> tuple[PgBouncerFacts, ...]:
        try:
            if self._open:
                waited = time.monotonic() - min(first.at for _, first in self._open)
                time.sleep(max(0.0, self.min_interval_s - waited))
            return tuple(_facts(console, first, _read(console)) for console, first in self._open)
        finally:
            self.close()

    def close(self) -> None:
        for console, _ in self._open:
            console.close()
        self._open = []


def _facts(console: ConsoleSession, first: _Reading, last: _Reading) -> PgBouncerFacts:
    config = {r["key"]: r["value"] for r in console.show("CONFIG")}
    databases = {r["name"]: r for r in console.show("DATABASES")}
    clients = [r for r in console.show("CLIENTS") if r["database"] != PGBOUNCER_CONSOLE]
    servers = console.show("SERVERS")
    version = console.show("VERSION")[0]["version"]
    default_pool_size = _int(config.get("default_pool_size"))
    now = datetime.now(timezone.utc)
    idle: dict[tuple[str, str], list[float]] = defaultdict(list)
    prepared: dict[tuple[str, str], int] = defaultdict(int)
    tracks_prepared = any("prepared_statements" in c for c in clients)
    for client in clients:
        key = (client["database"], client["user"])
        seen = _timestamp(client.get("request_time")) or _timestamp(client.get("connect_time"))
        idle[key].append(max(0.0, (now - seen).total_seconds()) if seen else 0.0)
        prepared[key] += _int(client.get("prepared_statements"))
    idle_servers: dict[tuple[str, str], int] = defaultdict(int)
    for server in servers:
        seen = _timestamp(server.get("request_time"))
        if server.get("state") == "idle" and seen and (now - seen).total_seconds() >= LONG_IDLE_S:
            idle_servers[(server["database"], server["user"])] += 1
    pools = []
    for key, row in sorted(last.pools.items()):
        before = first.pools.get(key, row)
        database = databases.get(key[0], {})
        pools.append(
            PgBouncerPool(
                database=key[0],
                user=key[1],
                pool_mode=row.get("pool_mode") or database.get("pool_mode") or config.get("pool_mode", "session"),
                pool_size=_int(database.get("pool_size")) or default_pool_size,
                reserve_pool_size=_int(database.get("reserve_pool")),
                clients_active=_int(row["cl_active"]),
                clients_waiting_max=max(_int(before["cl_waiting"]), _int(row["cl_waiting"])),
                servers_active_max=max(_int(before["sv_active"]), _int(row["sv_active"])),
                servers_open_mean=(_open_servers(before) + _open_servers(row)) / 2,
                servers_idle=_int(row["sv_idle"]),
                servers_idle_over_60s=idle_servers[key],
                maxwait_max_s=max(_maxwait_s(before), _maxwait_s(row)),
                clients_idle_over_60s=sum(1 for s in idle[key] if s >= LONG_IDLE_S),
                longest_client_idle_s=max(idle[key], default=0.0),
                prepared_statements=prepared[key] if tracks_prepared else None,
            )
        )
    return PgBouncerFacts(
        source=console.redacted_dsn,
        version=str(version),
        interval_s=round(last.at - first.at, 3),
        address=console.address,
        pool_mode=config.get("pool_mode", "session"),
        default_pool_size=default_pool_size,
        max_client_conn=_int(config.get("max_client_conn")),
        max_db_connections=_int(config.get("max_db_connections")),
        max_prepared_statements=_int(config["max_prepared_statements"])
        if "max_prepared_statements" in config
        else None,
        pools=tuple(pools),
        traffic=tuple(_traffic(name, first.stats.get(name), row) for name, row in sorted(last.stats.items())),
    )


def _traffic(database: str, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> PgBouncerTraffic:
    """Counters that went down (PgBouncer restarted between the readings) count from zero."""
    delta = {}
    for name in _STATS:
        now, then = _int(after.get(name)), _int(before.get(name)) if before else 0
        delta[name] = now - then if now >= then else now
    return PgBouncerTraffic(
        database=database,
        transactions=delta["total_xact_count"],
        queries=delta["total_query_count"],
        xact_time_ms=delta["total_xact_time"] / 1000.0,
        query_time_ms=delta["total_query_time"] / 1000.0,
        wait_time_ms=delta["total_wait_time"] / 1000.0,
    )


def _open_servers(row: Mapping[str, Any]) -> int:
    return sum(_int(row.get(name)) for name in _SERVERS_OPEN)


def _maxwait_s(row: Mapping[str, Any]) -> float:
    return _int(row.get("maxwait")) + _int(row.get("maxwait_us")) / 1_000_000


def _int(value: Any) -> int:
    if value is None or value == "":
        return 0
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _timestamp(text: Any) -> datetime | None:
    """SHOW CLIENTS times read ``2024-05-01 12:00:03 UTC`` (the zone PgBouncer logs in)."""
    if not isinstance(text, str) or len(text) < 19:
        return None
    try:
        moment = datetime.strptime(text[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    zone = text[19:].strip()
    return moment.replace(tzinfo=timezone.utc) if zone in ("UTC", "GMT", "") else moment.astimezone()
