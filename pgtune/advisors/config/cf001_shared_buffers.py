"""CF001: shared_buffers at about a quarter of the server's memory."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from .change import memory_unknown, setting_finding, sized
from .values import round_mb, size_text

RULE = Rule(
    id="CF001",
    slug="shared-buffers",
    title="Size shared_buffers at about 25 % of memory",
    why=(
        "shared_buffers is PostgreSQL's own page cache. The default of 128MB leaves a server with tens of "
        "gigabytes reading hot pages through the kernel on every miss; much more than 40 % of memory starves "
        "the OS cache and work_mem. About a quarter of RAM is the usual starting point."
    ),
    bad_example="ALTER SYSTEM SET shared_buffers = '128MB';  -- on a 64 GB server",
    good_example="ALTER SYSTEM SET shared_buffers = '16GB';",
    needs=("settings", "memory"),
)

TARGET_SHARE = 0.25
ACCEPTED_SHARES = (0.15, 0.40)
WARNING_BELOW_SHARE = 0.10


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    unknown = memory_unknown(RULE.id, facts)
    if unknown is not None:
        yield unknown
    current = sized(facts, "shared_buffers")
    if current is None or ACCEPTED_SHARES[0] <= current.share <= ACCEPTED_SHARES[1]:
        return
    share, memory = current.share, current.memory_bytes
    yield setting_finding(
        RULE.id,
        current.setting,
        size_text(round_mb(memory * TARGET_SHARE, 128)),
        message=(
            f"shared_buffers is {human_bytes(current.size_bytes)}, {100 * share:.1f} % of the server's "
            f"{human_bytes(memory)}"
        ),
        help=f"set it to about {100 * TARGET_SHARE:.0f} % of memory and restart in a maintenance window",
        evidence=(*current.evidence(), Evidence("accepted", f"{ACCEPTED_SHARES[0]:.0%}-{ACCEPTED_SHARES[1]:.0%}")),
        severity=Severity.WARNING if share < WARNING_BELOW_SHARE or share > ACCEPTED_SHARES[1] else Severity.INFO,
    )
