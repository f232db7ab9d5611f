"""ST003: connections busy rather than held idle; a transaction-mode pooler when they are not."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...report.units import human_count
from ...rules import Rule
from ..base import AnalysisFacts
from . import measured_text, missed

RULE = Rule(
    id="ST003",
    slug="pool-efficiency",
    title="Keep server connections busy: pool them",
    why=(
        "Each server connection is a process with its own memory; one held by an application that is not "
        "running a statement does nothing but cost. Idle-in-transaction connections also hold locks and "
        "snapshots. A pooler in transaction mode (PgBouncer) shares a few server connections among many "
        "clients, about two to four per CPU core, or the peak of statements really running at once."
    ),
    bad_example="SELECT 1;  -- 400 application connections open, 12 active",
    good_example=(
        "SELECT state, count(*) FROM pg_stat_activity GROUP BY state;\n"
        "-- behind PgBouncer (pool_mode = transaction, default_pool_size = 32): mostly active"
    ),
    needs=("activity",),
)

CONNECTIONS_PER_CPU = (2, 4)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    result = missed(facts, "connection-pool efficiency")
    activity = facts.snapshot.activity
    if result is None or activity is None:
        return
    cpus = facts.settings.cpus
    if cpus:
        low, high = (cpus * n for n in CONNECTIONS_PER_CPU)
        pool, reason = high, f"{low}-{high}: {CONNECTIONS_PER_CPU[0]}-{CONNECTIONS_PER_CPU[1]} per core × {cpus} cores"
    else:
        pool = max(activity.active, 1) * 2
        reason = f"twice the {activity.active} connections active at collection (no --cpus given)"
    held = activity.active + activity.idle + activity.idle_in_transaction
    yield Finding(
        rule=RULE.id,
        severity=Severity.WARNING if activity.idle_in_transaction else Severity.INFO,
        message=(
            f"{human_count(activity.active)} of {human_count(held)} open connections were running a statement: "
            f"pool efficiency {result.measured:.0f} %"
        ),
        help=f"put PgBouncer in transaction mode in front, with a server pool of about {pool} connections",
        target=facts.snapshot.server.database,
        kind="pooler",
        evidence=(
            Evidence("measured", measured_text(result)),
            Evidence("active", human_count(activity.active)),
            Evidence("idle", human_count(activity.idle)),
            Evidence("idle in transaction", human_count(activity.idle_in_transaction)),
            Evidence("max_connections", human_count(activity.max_connections)),
            Evidence("pool size", reason),
            Evidence("method", result.method),
        ),
        fix=Fix(
            f"-- pgbouncer.ini\n-- pool_mode = transaction\n-- default_pool_size = {pool}\n"
            f"-- max_client_conn = {max(activity.total, activity.max_connections)}",
            None,
            FixSafety.MANUAL,
            "a pooler between the application and the server; session state (SET, advisory locks, "
            "WITH HOLD cursors) does not survive transaction mode",
        ),
        confidence="low",
    )
