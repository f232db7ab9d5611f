"""CF002: effective_cache_size at about three quarters of memory, what shared_buffers and the OS cache hold."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...quantities import human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting_finding, sized
from .values import round_mb, size_text

RULE = Rule(
    id="CF002",
    slug="effective-cache-size",
    title="Tell the planner how much memory caches data: effective_cache_size",
    why=(
        "effective_cache_size allocates nothing: it is the planner's guess of how much of the data shared "
        "buffers and the kernel's page cache hold together. Left at the 4GB default on a large server, the "
        "planner overestimates disk reads and prefers sequential scans to index scans."
    ),
    bad_example="ALTER SYSTEM SET effective_cache_size = '4GB';  -- on a 64 GB server",
    good_example="ALTER SYSTEM SET effective_cache_size = '48GB';",
    severity=Severity.INFO,
    needs=("settings", "memory"),
)

TARGET_SHARE = 0.75
ACCEPTED_SHARES = (0.5, 0.9)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    current = sized(facts, "effective_cache_size")
    if current is None or ACCEPTED_SHARES[0] <= current.share <= ACCEPTED_SHARES[1]:
        return
    low = current.share < ACCEPTED_SHARES[0]
    yield setting_finding(
        RULE.id,
        current.setting,
        size_text(round_mb(current.memory_bytes * TARGET_SHARE, 1024)),
        message=(
            f"effective_cache_size is {human_bytes(current.size_bytes)}, {100 * current.share:.1f} % of the "
            f"server's {human_bytes(current.memory_bytes)}: the planner {'undervalues' if low else 'overvalues'} "
            "index scans"
        ),
        help=f"set it to about {100 * TARGET_SHARE:.0f} % of memory; it allocates nothing",
        evidence=current.evidence(),
        severity=Severity.WARNING if low else Severity.INFO,
    )
