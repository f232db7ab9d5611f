"""CF005: random_page_cost and effective_io_concurrency for solid-state storage."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting, setting_finding
from .values import number

RULE = Rule(
    id="CF005",
    slug="ssd-storage-costs",
    title="Tell the planner the storage is SSD: random_page_cost and effective_io_concurrency",
    why=(
        "random_page_cost = 4 prices a random read at four sequential ones, as on a spinning disk; on SSD or "
        "NVMe the two cost nearly the same, so the default makes the planner shun index scans it should take. "
        "effective_io_concurrency sets how many reads a bitmap heap scan issues ahead, which SSDs serve in "
        "parallel."
    ),
    bad_example="ALTER SYSTEM SET random_page_cost = 4;  -- on NVMe",
    good_example="ALTER SYSTEM SET random_page_cost = 1.1;\nALTER SYSTEM SET effective_io_concurrency = 200;",
    needs=("settings", "storage"),
)

# (setting, proposed, flag above the limit (else below), limit, what the wrong value does)
_SSD = (
    ("random_page_cost", "1.1", True, 2.0, "the planner prices random reads as on a spinning disk"),
    ("effective_io_concurrency", "200", False, 100.0, "bitmap heap scans read ahead too little for SSD"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    if facts.settings.storage != "ssd":
        return
    for name, proposed, too_high, limit, effect in _SSD:
        current = setting(facts.snapshot, name)
        value = number(current)
        if value is None:
            continue
        # effective_io_concurrency 0 means the platform cannot prefetch: nothing to raise.
        if not (value > limit if too_high else 0 < value < limit):
            continue
        yield setting_finding(
            RULE.id,
            current,
            proposed,
            message=f"{name} is {current.value} on SSD storage: {effect}",
            help=f"set {name} = {proposed} for SSD or NVMe storage",
            evidence=(Evidence("storage", f"{facts.settings.storage} (--storage; ssd when not given)"),),
            severity=Severity.WARNING if too_high else Severity.INFO,
        )
