"""CF004: maintenance_work_mem for VACUUM, CREATE INDEX and ALTER TABLE ADD FOREIGN KEY."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting_finding, sized
from .values import round_mb, size_text

RULE = Rule(
    id="CF004",
    slug="maintenance-work-mem",
    title="Give VACUUM and index builds enough maintenance_work_mem",
    why=(
        "VACUUM keeps the dead row ids it collects in maintenance_work_mem and must scan every index once each "
        "time that memory fills; index builds sort in it. The 64MB default makes vacuums of large tables "
        "pass over their indexes again and again. About 1/16 of memory, at most 2GB, is a common setting "
        "(autovacuum workers each take as much unless autovacuum_work_mem says otherwise)."
    ),
    bad_example="ALTER SYSTEM SET maintenance_work_mem = '64MB';  -- on a 64 GB server",
    good_example="ALTER SYSTEM SET maintenance_work_mem = '2GB';",
    severity=Severity.INFO,
    needs=("settings", "memory"),
)

MEMORY_SHARE = 1 / 16
CAP_BYTES = 2 * 1024**3


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    current = sized(facts, "maintenance_work_mem")
    if current is None:
        return
    target = round_mb(min(CAP_BYTES, current.memory_bytes * MEMORY_SHARE), 64)
    if current.size_bytes * 2 >= target:
        return
    yield setting_finding(
        RULE.id,
        current.setting,
        size_text(target),
        message=(
            f"maintenance_work_mem is {human_bytes(current.size_bytes)} on a server with "
            f"{human_bytes(current.memory_bytes)}"
        ),
        help="raise it so that VACUUM passes over each index once and index builds sort in memory",
        evidence=(*current.evidence(), Evidence("rule", "1/16 of memory, at most 2GB")),
        severity=Severity.INFO,
    )
