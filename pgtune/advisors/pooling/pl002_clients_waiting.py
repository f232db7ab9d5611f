"""PL002: clients queued for a server connection in PgBouncer: the pool is too small for the load."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit
from ...rules import Rule
from ..base import AnalysisFacts
from . import pooled_databases, proposed_size, server_connection_limit, where

RULE = Rule(
    id="PL002",
    slug="clients-waiting",
    title="Clients wait for a server connection: the pool is too small",
    why=(
        "When every server connection of a pool is busy, PgBouncer queues the next client (cl_waiting) until one "
        "is free: the wait adds to every statement's latency but shows in no server statistic. SHOW STATS' "
        "total_wait_time counts it; SHOW POOLS' maxwait says how long the oldest client has waited."
    ),
    bad_example="SHOW POOLS;  -- on PgBouncer: cl_waiting 12, maxwait 3 with default_pool_size = 4",
    good_example="SET default_pool_size = 16;  -- on PgBouncer's console, within max_connections",
    needs=("poolers",),
)

MIN_WAIT_SHARE_PCT = 5.0
MIN_MAXWAIT_S = 1.0


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    limit = server_connection_limit(facts.snapshot)
    for pooled in pooled_databases(facts.snapshot):
        waiting = max((p.clients_waiting_max for p in pooled.pools), default=0)
        maxwait = max((p.maxwait_max_s for p in pooled.pools), default=0.0)
        share = pooled.wait_share_pct
        if share < MIN_WAIT_SHARE_PCT and maxwait < MIN_MAXWAIT_S:
            continue
        size = max(pooled.pool_size + 1, proposed_size(pooled.demand_connections))
        capped = f"; the server allows {limit} connections in all, so check the sum of pool sizes" if limit else ""
        traffic = pooled.traffic
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING if share >= MIN_WAIT_SHARE_PCT else Severity.INFO,
            message=(
                f"clients of {where(pooled)} spent {share:.0f} % of their transaction time queued for a server "
                f"connection (up to {waiting} waiting, longest wait {maxwait:.1f} s) with a pool of "
                f"{pooled.pool_size}"
            ),
            help=(
                f"raise the pool to about {size} server connections (measured demand: "
                f"{pooled.demand_connections:.1f} clients in a transaction on average){capped}; or shorten the "
                "transactions that hold connections"
            ),
            target=pooled.database,
            kind="pooler",
            evidence=(
                Evidence("wait share", share, Unit.PERCENT, " of transaction time"),
                Evidence("wait time", traffic.wait_time_ms if traffic else 0.0, Unit.MS),
                Evidence("transactions", traffic.transactions if traffic else 0, Unit.COUNT),
                Evidence("clients waiting (most at a reading)", waiting, Unit.COUNT),
                Evidence("maxwait", maxwait, Unit.SECONDS, digits=1),
                Evidence("pool size", pooled.pool_size, Unit.COUNT),
                Evidence("server connections busy (most at a reading)", pooled.servers_active_max, Unit.COUNT),
                Evidence("interval", pooled.pooler.interval_s, Unit.SECONDS, " between SHOW STATS readings"),
            ),
            fix=Fix(
                f"-- pgbouncer.ini, [databases]: {pooled.database} = … pool_size={size}\n"
                f"-- or [pgbouncer]: default_pool_size = {size}\n-- then: RELOAD; on the admin console",
                f"-- pool_size={pooled.pool_size}, then RELOAD;",
                FixSafety.ONLINE,
                "a RELOAD applies new pool sizes without dropping clients",
            ),
            confidence="high" if share >= MIN_WAIT_SHARE_PCT else "medium",
        )
