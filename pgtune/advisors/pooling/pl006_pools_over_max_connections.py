"""PL006: PgBouncer may open more server connections than the server accepts."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit
from ...rules import Rule
from ..base import AnalysisFacts
from . import server_connection_limit

RULE = Rule(
    id="PL006",
    slug="pools-over-max-connections",
    title="Pool sizes beyond the server's max_connections",
    why=(
        "PgBouncer opens server connections up to each pool's size plus its reserve, per database and user. When "
        "their sum exceeds what the server accepts (max_connections less superuser_reserved_connections), a burst "
        "ends in 'sorry, too many clients already' for PgBouncer and for every other client, replication and "
        "maintenance included. max_db_connections caps a database's pools together."
    ),
    bad_example="SHOW DATABASES;  -- pool_size 50 × 4 users × 2 databases; max_connections = 100",
    good_example="SET max_db_connections = 40;  -- on PgBouncer's console",
    needs=("poolers", "settings"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    limit = server_connection_limit(facts.snapshot)
    if limit is None or not facts.snapshot.poolers:
        return
    possible = 0
    for pooler in facts.snapshot.poolers:
        per_database: dict[str, int] = {}
        for pool in pooler.pools:
            per_database[pool.database] = per_database.get(pool.database, 0) + pool.pool_size + pool.reserve_pool_size
        if pooler.max_db_connections:
            per_database = {k: min(v, pooler.max_db_connections) for k, v in per_database.items()}
        possible += sum(per_database.values())
    if possible <= limit:
        return
    yield Finding(
        rule=RULE.id,
        severity=Severity.WARNING,
        message=(
            f"the PgBouncer pools may open {possible} server connections; the server accepts {limit} "
            "(max_connections less superuser_reserved_connections)"
        ),
        help="lower pool sizes or cap each database with max_db_connections so that their sum fits, with room left",
        target=facts.snapshot.server.database,
        kind="pooler",
        evidence=(
            Evidence("possible server connections", possible, Unit.COUNT),
            Evidence("server accepts", limit, Unit.COUNT),
            Evidence("pools", sum(len(p.pools) for p in facts.snapshot.poolers), Unit.COUNT),
        ),
        fix=Fix(
            f"-- pgbouncer.ini: max_db_connections = {max(1, limit // max(1, len(facts.snapshot.poolers)) - 5)}\n"
            "-- then: RELOAD;",
            "-- max_db_connections = 0, then RELOAD;",
            FixSafety.ONLINE,
            "counts only the pools that existed at collection: pools open on demand for each new database and user",
        ),
        confidence="medium",
    )
