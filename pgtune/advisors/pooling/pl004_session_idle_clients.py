"""PL004: session pooling while clients sit idle: each idle client holds a server connection."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit
from ...rules import Rule
from ..base import AnalysisFacts
from . import pooled_databases, where

RULE = Rule(
    id="PL004",
    slug="session-pooling-idle-clients",
    title="Session pooling with long-idle clients",
    why=(
        "In session mode a client keeps its server connection from login to logout, so a client idle for minutes "
        "holds a server process idle for minutes and the pool buys nothing; once the pool is full, new clients "
        "queue behind idle ones. Transaction mode returns the connection at each COMMIT."
    ),
    bad_example="SHOW CLIENTS;  -- on PgBouncer: pool_mode = session, 40 clients idle for 10 min",
    good_example="SET pool_mode = 'transaction';  -- on PgBouncer's console, or client_idle_timeout = 300",
    needs=("poolers",),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for pooled in pooled_databases(facts.snapshot):
        session = [p for p in pooled.pools if p.pool_mode == "session"]
        idle = sum(p.clients_idle_over_60s for p in session)
        if not idle:
            continue
        waiting = sum(p.clients_waiting_max for p in session)
        longest = max(p.longest_client_idle_s for p in session)
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING if waiting else Severity.INFO,
            message=(
                f"{where(pooled)} pools by session and {idle} client(s) had sent nothing for over a minute "
                f"(longest {longest / 60:.0f} min), each holding a server connection"
                + (f", while {waiting} waited for one" if waiting else "")
            ),
            help=(
                "switch the pool to transaction mode if the application keeps no session state across transactions "
                "(SET, advisory locks, WITH HOLD cursors, LISTEN), or close idle clients with client_idle_timeout"
            ),
            target=pooled.database,
            kind="pooler",
            evidence=(
                Evidence("clients idle over 60 s", idle, Unit.COUNT),
                Evidence("longest idle", longest, Unit.SECONDS),
                Evidence("clients waiting (most at a reading)", waiting, Unit.COUNT),
                Evidence("pool size", sum(p.pool_size for p in session), Unit.COUNT),
            ),
            fix=Fix(
                "-- pgbouncer.ini: pool_mode = transaction\n-- then: RELOAD;",
                "-- pool_mode = session, then RELOAD;",
                FixSafety.MANUAL,
                "check the application's session state first; clients already connected keep the old mode",
            ),
            confidence="medium",
        )
