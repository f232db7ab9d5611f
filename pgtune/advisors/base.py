"""What every analysis advisor receives: the snapshot, the modelled workload, and the index selection."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from ..facts import Snapshot, TableFacts
from ..query.model import ParseFailure
from ..query.sqltext import quote_ident
from ..targets import ServiceTargets
from ..whatif.selection import IndexSelection
from ..whatif.workload import WorkloadStatement


def sql_name(schema: str, name: str) -> str:
    """A schema-qualified name as DDL needs it."""
    return f"{quote_ident(schema)}.{quote_ident(name)}"


def table_rows(table: TableFacts) -> float:
    """Rows as the planner last counted them; reltuples is -1 before the first vacuum or analyze (14+)."""
    return max(table.reltuples, table.n_live_tup, 0)


@dataclass(frozen=True)
class AdvisorSettings:
    targets: ServiceTargets = field(default_factory=ServiceTargets)
    memory_bytes: int | None = None
    cpus: int | None = None
    storage: str = "ssd"
    min_stats_age_days: float = 7.0
    """Below this age of the usage counters an index with no scans is not called unused."""
    replica_index_scans: Mapping[str, int] | None = None
    """Scans per index (``schema.index``) summed over the replicas; None when no replica was asked."""


@dataclass(frozen=True)
class AnalysisFacts:
    snapshot: Snapshot
    workload: tuple[WorkloadStatement, ...] = ()
    failures: tuple[ParseFailure, ...] = ()
    index_selection: IndexSelection | None = None
    settings: AdvisorSettings = field(default_factory=AdvisorSettings)

    @property
    def stats_age_days(self) -> float | None:
        """How long the table and index usage counters have been counting, when the snapshot says."""
        database = self.snapshot.database
        start = (database.stats_reset if database else None) or self.snapshot.server.started_at
        return (self.snapshot.collected_at - start) / timedelta(days=1) if start else None
