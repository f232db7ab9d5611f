"""CF003: work_mem large enough for the sorts and hashes that spill to temporary files, within memory."""

from __future__ import annotations

import math
from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity, StatementImpact
from ...quantities import Unit, human_bytes
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting, setting_finding, sized
from .values import as_bytes, number, size_text

RULE = Rule(
    id="CF003",
    slug="work-mem",
    title="Raise work_mem for the statements that spill to disk",
    why=(
        "A sort or hash that outgrows work_mem writes temporary files and runs many times slower. The "
        "temporary blocks pg_stat_statements counts for each statement say how much memory it would have "
        "needed. work_mem is taken per sort or hash node of every running query, so it is bounded by the "
        "memory left after shared_buffers divided among max_connections and two such nodes each; larger "
        "needs get SET LOCAL in the statement's own transaction."
    ),
    bad_example="ALTER SYSTEM SET work_mem = '4MB';  -- while reports sort 200 MB on disk",
    good_example="ALTER SYSTEM SET work_mem = '64MB';",
    needs=("statements", "settings", "memory"),
)

BLOCK_BYTES = 8192
SHOWN_STATEMENTS = 5
NODES_PER_QUERY = 2
"""A query may sort and hash in several nodes at once, each taking work_mem: allow for two."""


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    current = sized(facts, "work_mem")
    spilling = sorted(
        (s for s in snapshot.statements if s.toplevel and s.calls and s.temp_blks_written),
        key=lambda s: -s.temp_blks_written,
    )
    if current is None or not spilling:
        return
    size, memory = current.size_bytes, current.memory_bytes
    need = max(BLOCK_BYTES * s.temp_blks_written / s.calls for s in spilling)
    shared = as_bytes(setting(snapshot, "shared_buffers")) or 0
    connections = int(number(setting(snapshot, "max_connections")) or 100)
    bound = max(0, memory - shared) // (connections * NODES_PER_QUERY)
    proposed = min(math.ceil(need / 1024**2) * 1024**2, bound // 1024**2 * 1024**2)
    if proposed <= size:
        return
    capped = need > bound
    yield setting_finding(
        RULE.id,
        current.setting,
        size_text(proposed),
        message=(
            f"{len(spilling)} statement(s) sort or hash on disk; the largest writes {human_bytes(need)} "
            f"of temporary files a call with work_mem at {human_bytes(size)}"
        ),
        help=(
            "raise work_mem"
            + (
                "; the largest need exceeds the memory bound: give those statements SET LOCAL work_mem"
                if capped
                else ""
            )
        ),
        evidence=(
            Evidence("statements spilling", len(spilling), Unit.COUNT),
            Evidence("largest temporary files a call", need, Unit.BYTES),
            Evidence(
                "bound",
                bound,
                Unit.BYTES,
                f" = (memory {human_bytes(memory)} - shared_buffers {human_bytes(shared)}) "
                f"/ (max_connections {connections} × {NODES_PER_QUERY} sorts or hashes a query)",
            ),
        ),
        severity=Severity.WARNING,
        statements=tuple(
            StatementImpact(s.queryid, s.query, s.calls, s.mean_exec_ms) for s in spilling[:SHOWN_STATEMENTS]
        ),
    )
