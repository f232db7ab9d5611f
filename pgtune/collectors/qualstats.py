"""pg_qualstats: the constants predicates compared with and how many rows they filtered (partial-index evidence)."""

from __future__ import annotations

from ..db import Session
from ..facts import Extension, QualStat, WorkloadSample
from ..query.sqltext import is_single_statement, scrub_secrets
from .base import build
from .statements import is_own_query


def collect_qualstats(session: Session, extension: Extension, limit: int) -> tuple[QualStat, ...]:
    return tuple(
        build(QualStat, row)
        for row in session.named("qualstats", {"limit": limit}, schemas={"qualstats": extension.schema})
    )


def collect_example_queries(session: Session, extension: Extension, limit: int) -> tuple[WorkloadSample, ...]:
    """Examples of the application's statements; an example is the whole query string the client sent, so
    multi-statement strings (which may hold anything) and pgtune's own queries are left out."""
    return tuple(
        WorkloadSample(scrub_secrets(row["text"]), "pg_qualstats example", queryid=row["queryid"])
        for row in session.named("qualstats_examples", {"limit": limit}, schemas={"qualstats": extension.schema})
        if is_single_statement(row["text"]) and not is_own_query(row["text"])
    )
