"""PL005: transaction pooling without max_prepared_statements: protocol-level prepared statements break."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit
from ...rules import Rule
from ..base import AnalysisFacts

RULE = Rule(
    id="PL005",
    slug="prepared-statements-transaction-pooling",
    title="Prepared statements in transaction pooling without max_prepared_statements",
    why=(
        "A statement prepared over the protocol (JDBC after prepareThreshold uses, psycopg after "
        "prepare_threshold, asyncpg and pgbench -M prepared always) lives in one server connection. In transaction "
        'mode the next transaction may run on another, where it does not exist: \'prepared statement "S_1" does '
        "not exist'. PgBouncer 1.21 and later track them across connections when max_prepared_statements is set; "
        "older versions cannot."
    ),
    bad_example="SHOW CONFIG;  -- PgBouncer 1.18, pool_mode = transaction, JDBC clients",
    good_example="SET max_prepared_statements = 200;  -- PgBouncer 1.21+, pool_mode = transaction",
    needs=("poolers",),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for pooler in facts.snapshot.poolers:
        pools = [p for p in pooler.pools if p.pool_mode == "transaction"]
        if not pools or pooler.max_prepared_statements:
            continue
        known = [p.prepared_statements for p in pools if p.prepared_statements is not None]
        prepared = sum(known)
        supported = pooler.max_prepared_statements is not None
        seen = (
            f"its clients hold {prepared} prepared statement(s)"
            if prepared
            else "it cannot show whether clients prepare statements"
        )
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING if prepared else Severity.INFO,
            message=(
                f"{pooler.address or pooler.source} ({pooler.version}) pools by transaction without "
                f"max_prepared_statements and {seen}"
            ),
            help=(
                "set max_prepared_statements (e.g. 200) and RELOAD"
                if supported
                else "upgrade PgBouncer to 1.21 or later and set max_prepared_statements, or make clients use unnamed "
                "statements (JDBC prepareThreshold=0, psycopg prepare_threshold=None, pgbench -M extended)"
            ),
            target=", ".join(sorted({p.database for p in pools})),
            kind="pooler",
            evidence=(
                Evidence("PgBouncer", pooler.version),
                Evidence("pools in transaction mode", len(pools), Unit.COUNT),
                Evidence(
                    "max_prepared_statements",
                    "not available (before 1.21)" if not supported else str(pooler.max_prepared_statements),
                ),
                (
                    Evidence("prepared statements seen", prepared, Unit.COUNT)
                    if known
                    else Evidence("prepared statements seen", "not shown by this version")
                ),
            ),
            fix=Fix(
                "-- pgbouncer.ini: max_prepared_statements = 200\n-- then: RELOAD;",
                "-- max_prepared_statements = 0, then RELOAD;",
                FixSafety.ONLINE,
                "needs PgBouncer 1.21 or later",
            )
            if supported
            else None,
            confidence="high" if prepared else "low",
        )
