"""PL003: PgBouncer keeps far more server connections open than its clients keep busy."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit
from ...rules import Rule
from ..base import AnalysisFacts
from . import pooled_databases, proposed_size, where

RULE = Rule(
    id="PL003",
    slug="pool-oversized",
    title="Server connections idle far beyond need: the pool is too large",
    why=(
        "A pool larger than its load keeps server processes idle (sv_idle), each with its own memory and caches, "
        "and under a burst lets more statements run at once than the server has cores, which slows all of them. "
        "The connections the load needs are measured from SHOW STATS: transaction time over the interval."
    ),
    bad_example="SHOW STATS;  -- on PgBouncer: default_pool_size = 200, busy on average: 6",
    good_example="SET default_pool_size = 16;  -- and server_idle_timeout = 60 in pgbouncer.ini",
    severity=Severity.INFO,
    needs=("poolers",),
)

MIN_OPEN = 10
IDLE_FACTOR = 4
MAX_UTILISATION_PCT = 25.0


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for pooled in pooled_databases(facts.snapshot):
        utilisation = pooled.utilisation_pct
        needed = max(pooled.demand_connections, pooled.servers_active_max)
        if (
            utilisation is None
            or pooled.servers_open < MIN_OPEN
            or pooled.servers_open < IDLE_FACTOR * max(needed, 1.0)
            or utilisation > MAX_UTILISATION_PCT
            or pooled.wait_share_pct > 0
        ):
            continue
        size = proposed_size(needed)
        yield Finding(
            rule=RULE.id,
            severity=RULE.severity,
            message=(
                f"{where(pooled)} kept {pooled.servers_open:.0f} server connections open, busy {utilisation:.0f} % "
                f"of the time; its clients kept {pooled.demand_connections:.1f} busy on average"
            ),
            help=f"lower the pool to about {size} and let idle ones close (server_idle_timeout)",
            target=pooled.database,
            kind="pooler",
            evidence=(
                Evidence("server connections open (mean)", pooled.servers_open, Unit.COUNT, digits=1),
                Evidence("busy (most at a reading)", pooled.servers_active_max, Unit.COUNT),
                Evidence(
                    "idle for over a minute (SHOW SERVERS)",
                    sum(p.servers_idle_over_60s for p in pooled.pools),
                    Unit.COUNT,
                ),
                Evidence("utilisation", utilisation, Unit.PERCENT, " of open connection time in transactions"),
                Evidence("pool size", pooled.pool_size, Unit.COUNT),
                Evidence("interval", pooled.pooler.interval_s, Unit.SECONDS, " between SHOW STATS readings"),
            ),
            fix=Fix(
                f"-- pgbouncer.ini, [databases]: {pooled.database} = … pool_size={size}\n-- then: RELOAD;",
                f"-- pool_size={pooled.pool_size}, then RELOAD;",
                FixSafety.ONLINE,
                "measure at peak: a nightly reading may miss the busiest hour",
            ),
            confidence="medium",
        )
