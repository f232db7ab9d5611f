"""PL001: without a pooler, client connections held idle or idle in transaction, and the headroom left."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_count
from ...rules import Rule
from ..base import AnalysisFacts
from . import server_connection_limit

RULE = Rule(
    id="PL001",
    slug="idle-connections",
    title="Connections held idle without a pooler",
    why=(
        "Each server connection is a process with its own memory; one held open by an application that is not "
        "running a statement costs memory and snapshot work for nothing, and idle-in-transaction ones also hold "
        "locks and keep vacuum from removing dead rows. Near max_connections new clients are refused. A pooler in "
        "transaction mode (PgBouncer) shares a few server connections among many clients. This rule reads "
        "pg_stat_activity at one moment; it does not measure pool efficiency, which needs the pooler itself."
    ),
    bad_example="SELECT state, count(*) FROM pg_stat_activity GROUP BY state;  -- 12 active, 380 idle",
    good_example="SHOW POOLS;  -- on PgBouncer in front: pool_mode = transaction, default_pool_size = 32",
    severity=Severity.INFO,
    needs=("activity",),
)

IDLE_PER_ACTIVE = 4
MIN_IDLE = 10
LOW_HEADROOM_SHARE = 0.2
CONNECTIONS_PER_CPU = (2, 4)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    activity = facts.snapshot.activity
    if activity is None or facts.snapshot.poolers:
        return
    limit = server_connection_limit(facts.snapshot) or activity.max_connections
    headroom = limit - activity.total
    idle_heavy = activity.idle >= max(MIN_IDLE, IDLE_PER_ACTIVE * max(activity.active, 1))
    low_headroom = headroom < LOW_HEADROOM_SHARE * limit
    if not (idle_heavy or activity.idle_in_transaction or low_headroom):
        return
    cpus = facts.settings.cpus
    if cpus:
        low, high = (cpus * n for n in CONNECTIONS_PER_CPU)
        pool, reason = high, f"{low}-{high}: {CONNECTIONS_PER_CPU[0]}-{CONNECTIONS_PER_CPU[1]} per core × {cpus} cores"
    else:
        pool = max(activity.active, 1) * 2
        reason = f"twice the {activity.active} connections active at collection (no --cpus given)"
    yield Finding(
        rule=RULE.id,
        severity=Severity.WARNING if activity.idle_in_transaction or low_headroom else Severity.INFO,
        message=(
            f"{human_count(activity.idle)} client connections idle and {human_count(activity.idle_in_transaction)} "
            f"idle in transaction beside {human_count(activity.active)} active; {human_count(headroom)} of "
            f"{human_count(limit)} connections left; pool efficiency not measured: no pooler given"
        ),
        help=(
            f"put PgBouncer in transaction mode in front, with a server pool of about {pool} connections, and pass "
            "its admin console with --pgbouncer to measure pool efficiency; end idle transactions in the application"
        ),
        target=facts.snapshot.server.database,
        kind="pooler",
        evidence=(
            Evidence("active", activity.active, Unit.COUNT),
            Evidence("idle", activity.idle, Unit.COUNT),
            Evidence("idle in transaction", activity.idle_in_transaction, Unit.COUNT),
            Evidence("longest idle in transaction", activity.longest_idle_in_transaction_s, Unit.SECONDS),
            Evidence("headroom to max_connections", headroom, Unit.COUNT, f" of {human_count(limit)}"),
            Evidence("pool size", reason),
            Evidence("method", "pg_stat_activity's client backends at collection time: one moment"),
        ),
        fix=Fix(
            f"-- pgbouncer.ini\n-- pool_mode = transaction\n-- default_pool_size = {pool}\n"
            f"-- max_client_conn = {max(activity.total, activity.max_connections)}",
            None,
            FixSafety.MANUAL,
            "a pooler between the application and the server; session state (SET, advisory locks, "
            "WITH HOLD cursors, prepared statements before PgBouncer 1.21) does not survive transaction mode",
        ),
        confidence="medium",
    )
