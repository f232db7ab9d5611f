"""CF002: effective_cache_size at about three quarters of memory, what shared_buffers and the OS cache hold."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...report.units import human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from .change import memory_unknown, setting, setting_finding
from .values import as_bytes, round_mb, size_text

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
    current = setting(facts.snapshot, "effective_cache_size")
    size = as_bytes(current)
    if current is None or size is None:
        return
    memory = facts.settings.memory_bytes
    if memory is None:
        yield memory_unknown(RULE.id, current.name)
        return
    share = size / memory
    if ACCEPTED_SHARES[0] <= share <= ACCEPTED_SHARES[1]:
        return
    yield setting_finding(
        RULE.id,
        current,
        size_text(round_mb(memory * TARGET_SHARE, 1024)),
        message=(
            f"effective_cache_size is {human_bytes(size)}, {100 * share:.0f} % of the server's {human_bytes(memory)}: "
            f"the planner {'undervalues' if share < ACCEPTED_SHARES[0] else 'overvalues'} index scans"
        ),
        help=f"set it to about {100 * TARGET_SHARE:.0f} % of memory; it allocates nothing",
        evidence=(Evidence("server memory", human_bytes(memory)), Evidence("share of memory", f"{100 * share:.1f} %")),
        severity=Severity.WARNING if share < ACCEPTED_SHARES[0] else Severity.INFO,
    )
