"""CF010: idle_in_transaction_session_timeout when sessions sit idle inside open transactions."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import Unit, human_count, human_ms
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting, setting_finding
from .values import as_ms

RULE = Rule(
    id="CF010",
    slug="idle-in-transaction-timeout",
    title="End sessions left idle inside a transaction",
    why=(
        "A session idle in an open transaction holds its locks and its snapshot: VACUUM cannot remove rows "
        "dead since it began, tables bloat, and DDL queues behind its locks. "
        "idle_in_transaction_session_timeout ends such sessions after a while."
    ),
    bad_example="BEGIN;\nSELECT balance FROM accounts WHERE id = 1;\n-- the application waits on an HTTP call",
    good_example="ALTER SYSTEM SET idle_in_transaction_session_timeout = '10min';",
    needs=("activity", "settings"),
)

PROPOSED = "10min"


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    activity = facts.snapshot.activity
    current = setting(facts.snapshot, "idle_in_transaction_session_timeout")
    timeout_ms = as_ms(current)
    if activity is None or timeout_ms is None or timeout_ms > 0 or not activity.idle_in_transaction:
        return
    yield setting_finding(
        RULE.id,
        current,
        PROPOSED,
        message=(
            f"{human_count(activity.idle_in_transaction)} session(s) were idle in a transaction, the longest for "
            f"{human_ms(activity.longest_idle_in_transaction_s * 1000)}, and nothing ends them"
        ),
        help="set a timeout longer than any legitimate pause, and fix the code paths that keep transactions open",
        evidence=(
            Evidence("idle in transaction", activity.idle_in_transaction, Unit.COUNT),
            Evidence("longest idle in transaction", activity.longest_idle_in_transaction_s * 1000, Unit.MS),
        ),
        severity=Severity.WARNING,
    )
