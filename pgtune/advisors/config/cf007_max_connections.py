"""CF007: max_connections against the connections really open."""

from __future__ import annotations

import math
from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import Unit, human_count
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting, setting_finding
from .values import number

RULE = Rule(
    id="CF007",
    slug="max-connections",
    title="Fit max_connections to the connections in use",
    why=(
        "Every allowed connection reserves shared memory (lock table, snapshots) whether used or not, and "
        "thousands of mostly idle backends slow every snapshot. Near the limit, new clients are refused; the "
        "answer then is a pooler in front, not a higher limit."
    ),
    bad_example="ALTER SYSTEM SET max_connections = 2000;  -- 60 connections open",
    good_example="ALTER SYSTEM SET max_connections = 200;",
    severity=Severity.INFO,
    needs=("activity", "settings"),
)

NEAR_LIMIT_SHARE = 0.8
OVERSIZED_FACTOR = 4
MIN_PROPOSED = 100
MIN_FLAGGED = 500
"""Below this the reserved memory is too small to be worth a restart."""


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    activity = facts.snapshot.activity
    current = setting(facts.snapshot, "max_connections")
    limit = number(current)
    if activity is None or limit is None:
        return
    used = activity.total
    evidence = (
        Evidence("client connections open", used, Unit.COUNT),
        Evidence("of which active", activity.active, Unit.COUNT),
        Evidence("measured", "one moment at collection; compare with the nightly reports' trend"),
    )
    if used >= NEAR_LIMIT_SHARE * limit:
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING,
            message=(
                f"{human_count(used)} of max_connections {current.value} connections are open: "
                "new clients will soon be refused"
            ),
            help="put a transaction-mode pooler (PgBouncer) in front rather than raising the limit (see ST003)",
            target=current.name,
            kind="setting",
            evidence=evidence,
            confidence="low",
        )
        return
    proposed = max(MIN_PROPOSED, math.ceil(2 * used / 10) * 10)
    if limit < MIN_FLAGGED or limit <= OVERSIZED_FACTOR * used:
        return
    yield setting_finding(
        RULE.id,
        current,
        str(proposed),
        message=f"max_connections is {current.value} while {human_count(used)} connections are open",
        help="lower it to twice the connections seen (after checking the peak), or put a pooler in front",
        evidence=evidence,
        severity=Severity.INFO,
        confidence="low",
    )
