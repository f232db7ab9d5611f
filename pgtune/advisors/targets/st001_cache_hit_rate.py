"""ST001: the share of block reads served from shared buffers, for the database and its hottest tables."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...rules import Rule
from ..base import AnalysisFacts
from . import measured, missed

RULE = Rule(
    id="ST001",
    slug="cache-hit-rate",
    title="Keep the cache hit rate above target",
    why=(
        "A read that misses shared buffers goes to the kernel and, when that misses too, to disk: "
        "milliseconds instead of microseconds. A database whose hot tables are not held in memory has latency "
        "that varies with every burst. The usual target for an OLTP database is above 95-99 %."
    ),
    bad_example="SELECT * FROM trades WHERE created_at > now() - interval '30 days';  -- scans cold pages",
    good_example="ALTER SYSTEM SET shared_buffers = '16GB';",
    needs=("database", "tables"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    result = missed(facts, "cache hit rate")
    if result is None:
        return
    yield Finding(
        rule=RULE.id,
        severity=Severity.WARNING,
        message=f"the cache hit rate is {result.measured:.1f} %, under the {result.threshold:g} % target",
        help=(
            "size shared_buffers to the hot data (CF001), add the indexes that replace scans of large tables (IX001), "
            "and archive or partition cold history"
        ),
        target=facts.snapshot.server.database,
        kind="target",
        evidence=(
            measured(result),
            *(Evidence("hot table under target", offender) for offender in result.offenders),
            Evidence("method", result.method),
        ),
        confidence="medium",
    )
