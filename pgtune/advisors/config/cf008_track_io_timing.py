"""CF008: track_io_timing, so that statements' read and write time is measured."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting, setting_finding
from .values import is_on

RULE = Rule(
    id="CF008",
    slug="track-io-timing",
    title="Turn on track_io_timing",
    why=(
        "Without track_io_timing, pg_stat_statements and EXPLAIN (ANALYZE, BUFFERS) count blocks read but not "
        "the time spent reading them, so a statement slow on I/O cannot be told from one slow on CPU. On "
        "modern Linux the clock costs tens of nanoseconds (pg_test_timing shows it)."
    ),
    bad_example="ALTER SYSTEM SET track_io_timing = off;",
    good_example="ALTER SYSTEM SET track_io_timing = on;",
    severity=Severity.INFO,
    needs=("settings",),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    current = setting(facts.snapshot, "track_io_timing")
    if current is None or is_on(current):
        return
    yield setting_finding(
        RULE.id,
        current,
        "on",
        message="track_io_timing is off: statements' I/O time is not measured",
        help="turn it on after checking the clock's cost with pg_test_timing",
        evidence=(Evidence("effect", "fills blk_read_time / blk_write_time in pg_stat_statements"),),
        severity=Severity.INFO,
        confidence="high",
    )
