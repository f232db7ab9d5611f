"""ST003: connection-pool efficiency, measured on the pooler: clients served rather than queued."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import Unit
from ...rules import Rule
from ...targets import POOL, pool_use
from ..base import AnalysisFacts
from . import measured, missed

RULE = Rule(
    id="ST003",
    slug="pool-efficiency",
    title="Keep connection-pool efficiency above target",
    why=(
        "Pool efficiency is the share of clients' transaction time during which PgBouncer had a server "
        "connection serving them rather than they queued for one: SHOW STATS (total_xact_time - "
        "total_wait_time) / total_xact_time between two readings of the admin console (--pgbouncer); PgBouncer "
        "counts a transaction's time from the client's first query, so the wait is inside it. 100 % means no "
        "client ever queued for a connection; 90 % means a tenth of the time clients spent in transactions went "
        "to waiting for one, latency no server statistic shows. Server-connection utilisation (transaction time "
        "less wait over the time the server connections were open) is reported beside it: a pool can be "
        "efficient and mostly idle (PL003). Without a pooler it is not measured: pg_stat_activity's active share "
        "says how busy the server is, not how well a pool serves (PL001 reports those connections)."
    ),
    bad_example="SHOW STATS;  -- on PgBouncer, over 60 s: total_xact_time 40 s, total_wait_time 12 s → 70 %",
    good_example="SET default_pool_size = 16;  -- on PgBouncer's console, the demand PL002 measured → 99.5 %",
    needs=("poolers",),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    result = missed(facts, POOL)
    use = pool_use(facts.snapshot)
    if result is None or use is None:
        return
    utilisation = use.server_utilisation_pct
    yield Finding(
        rule=RULE.id,
        severity=Severity.WARNING,
        message=(
            f"clients spent {100 - result.measured:.0f} % of their transaction time queued for a server connection: "
            f"pool efficiency {result.measured:.1f} %"
        ),
        help="size the pools to the demand PL002 measures, or shorten the transactions that hold connections",
        target=facts.snapshot.server.database,
        kind="target",
        evidence=(
            measured(result),
            (
                Evidence("server-connection utilisation", utilisation, Unit.PERCENT)
                if utilisation is not None
                else Evidence("server-connection utilisation", "unknown")
            ),
            *(Evidence("pool with waiting clients", offender) for offender in result.offenders),
            Evidence("method", result.method),
        ),
        confidence="high",
    )
