"""CF006: max_wal_size large enough that checkpoints come from checkpoint_timeout, not from WAL volume."""

from __future__ import annotations

import math
from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import Unit, human_bytes, human_count
from ...rules import Rule
from ..base import AnalysisFacts
from .change import current_text, setting, setting_finding
from .values import as_bytes, size_text

RULE = Rule(
    id="CF006",
    slug="max-wal-size",
    title="Raise max_wal_size when checkpoints are forced by WAL volume",
    why=(
        "When WAL written since the last checkpoint reaches max_wal_size, a checkpoint is requested at once "
        "instead of waiting for checkpoint_timeout. Frequent forced checkpoints flush the same hot pages again "
        "and again and multiply full-page writes in the WAL. Most checkpoints should be timed."
    ),
    bad_example="ALTER SYSTEM SET max_wal_size = '1GB';  -- with 900 requested checkpoints against 100 timed",
    good_example="ALTER SYSTEM SET max_wal_size = '4GB';",
    needs=("checkpointer", "settings"),
)

MIN_REQUESTED = 10
MAX_FACTOR = 4


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    stats = facts.snapshot.checkpointer
    current = setting(facts.snapshot, "max_wal_size")
    size = as_bytes(current)
    if stats is None or size is None:
        return
    timed, requested = stats.checkpoints_timed, stats.checkpoints_requested
    if requested < MIN_REQUESTED or requested <= timed:
        return
    factor = min(MAX_FACTOR, math.ceil((timed + requested) / max(timed, 1)))
    proposed = math.ceil(size * factor / 1024**3) * 1024**3
    timeout = setting(facts.snapshot, "checkpoint_timeout")
    yield setting_finding(
        RULE.id,
        current,
        size_text(proposed),
        message=(
            f"{human_count(requested)} checkpoints were forced by WAL volume against {human_count(timed)} timed: "
            f"max_wal_size ({human_bytes(size)}) fills before checkpoint_timeout"
        ),
        help="raise max_wal_size so that checkpoints are timed; it needs that much disk for pg_wal at peak",
        evidence=(
            Evidence("checkpoints requested", requested, Unit.COUNT),
            Evidence("checkpoints timed", timed, Unit.COUNT),
            *((Evidence("checkpoint_timeout", current_text(timeout)),) if timeout else ()),
        ),
        severity=Severity.WARNING,
    )
