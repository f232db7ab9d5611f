"""pg_qualstats: the constants predicates compared with and how many rows they filtered (partial-index evidence)."""

from __future__ import annotations

from ..db import Session
from ..facts import Extension, QualStat, WorkloadSample
from .base import build


def collect_qualstats(session: Session, extension: Extension, limit: int) -> tuple[QualStat, ...]:
    return tuple(
        build(QualStat, row)
        for row in session.named("qualstats", {"limit": limit}, schemas={"qualstats": extension.schema})
    )


def collect_example_queries(session: Session, extension: Extension, limit: int) -> tuple[WorkloadSample, ...]:
    return tuple(
        WorkloadSample(row["text"], "pg_qualstats example", queryid=row["queryid"])
        for row in session.named("qualstats_examples", {"limit": limit}, schemas={"qualstats": extension.schema})
    )
