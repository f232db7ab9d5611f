"""What every analysis advisor receives: the snapshot, the modelled workload, and the index selection."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from ..errors import BadInput
from ..facts import ColumnStats, ConstraintFacts, IndexFacts, Snapshot, TableFacts
from ..findings import Finding
from ..query.model import ParseFailure
from ..query.sqltext import quote_ident
from ..targets import ServiceTargets, TargetResult, evaluate
from ..whatif.selection import IndexSelection
from ..whatif.workload import WorkloadStatement
from ..whatif.writes import WriteRates, write_rates
from .index_shapes import IndexShape, index_shape

_UNKNOWN = object()
_PART = re.compile(r'"(?:[^"]|"")*"|[^."]+')
_DOTTED = re.compile(rf"(?:{_PART.pattern})(?:\.(?:{_PART.pattern}))*")


def sql_name(schema: str, name: str) -> str:
    """A schema-qualified name as DDL needs it."""
    return f"{quote_ident(schema)}.{quote_ident(name)}"


def split_name(text: str) -> list[str]:
    """``schema."My Table".col`` → its parts, unquoted; [] when it is not a dotted name."""
    if not _DOTTED.fullmatch(text):
        return []
    return [p[1:-1].replace('""', '"') if p.startswith('"') else p for p in _PART.findall(text)]


def _spellings(table: TableFacts) -> set[str]:
    """How facts may name a table when pointing at it: quoted as the collectors write it, plain, or bare."""
    return {sql_name(table.schema, table.name), table.qualified_name, table.name}


def table_rows(table: TableFacts) -> float:
    """Rows as the planner last counted them; reltuples is -1 before the first vacuum or analyze (14+)."""
    return max(table.reltuples, table.n_live_tup, 0)


PARTITION_TARGETS = ("auto", "native", "timescaledb")


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
    partition_target: str = "auto"
    """How to partition time series: "native", "timescaledb", or "auto" (TimescaleDB when it is installed)."""

    def __post_init__(self) -> None:
        if self.partition_target not in PARTITION_TARGETS:
            raise BadInput(
                f"partition target {self.partition_target!r} is not one of {', '.join(PARTITION_TARGETS)}",
                "use auto (TimescaleDB when installed), native or timescaledb",
            )


class Declined(Exception):
    """Raised by a rule's ``check`` that will not judge on these facts (statistics too young to call an index
    unused): the report says so, with the reason, instead of a silence that reads as "all clear"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def findings_of(
    advisor, facts: AnalysisFacts, earlier: Mapping[str, Sequence[Finding]] | None = None
) -> tuple[list[Finding], str | None]:
    """A rule's findings, and the reason it declined to judge when it did."""
    try:
        return [advisor.RULE.stamp(finding) for finding in run_check(advisor, facts, earlier)], None
    except Declined as declined:
        return [], declined.reason


def run_check(
    advisor, facts: AnalysisFacts, earlier: Mapping[str, Sequence[Finding]] | None = None
) -> Iterable[Finding]:
    """The rule's ``check``. A rule that reads other rules' findings lists their modules in ``USES``: the
    run-rules pass hands it their findings as ``earlier`` (by rule id); a rule checked on its own, as a test
    does, has them found here first."""
    uses = getattr(advisor, "USES", ())
    if not uses:
        return advisor.check(facts)
    if earlier is None:
        earlier = {used.RULE.id: findings_of(used, facts)[0] for used in uses}
    return advisor.check(facts, {used.RULE.id: earlier.get(used.RULE.id, ()) for used in uses})


@dataclass(frozen=True)
class AnalysisFacts:
    snapshot: Snapshot
    workload: tuple[WorkloadStatement, ...] = ()
    failures: tuple[ParseFailure, ...] = ()
    index_selection: IndexSelection | None = None
    settings: AdvisorSettings = field(default_factory=AdvisorSettings)

    def table(self, schema: str, name: str) -> TableFacts | None:
        return self.snapshot.table(schema, name)

    def indexes_of(self, schema: str, table: str) -> tuple[IndexFacts, ...]:
        return self.snapshot.indexes_of(schema, table)

    def stats_of(self, schema: str, table: str, column: str) -> ColumnStats | None:
        return self.snapshot.stats_of(schema, table, column)

    def shape(self, index: IndexFacts) -> IndexShape | None:
        """The index's parsed definition; None when it does not parse (then it is compared with nothing)."""
        known = self._shapes.get(id(index), _UNKNOWN)
        return index_shape(index) if known is _UNKNOWN else known

    def foreign_keys_to(self, table: TableFacts) -> tuple[ConstraintFacts, ...]:
        """Foreign keys referencing the table."""
        return tuple(fk for name in _spellings(table) for fk in self.snapshot.foreign_keys_to(name))

    def leaf_partitions(self, table: TableFacts) -> tuple[TableFacts, ...]:
        """The partitions that hold the table's rows, through every level of sub-partitioning."""
        leaves: list[TableFacts] = []
        for child in (c for name in _spellings(table) for c in self.snapshot.partitions_of(name)):
            leaves.extend(self.leaf_partitions(child) if child.kind == "p" else (child,))
        return tuple(leaves)

    @cached_property
    def _shapes(self) -> dict[int, IndexShape | None]:
        # Parsed once per analysis: several rules compare every index with its neighbours.
        return {id(i): index_shape(i) for i in self.snapshot.indexes}

    @cached_property
    def write_rates(self) -> WriteRates:
        """Rows written per table and day over the reads' window (see ``whatif.writes``)."""
        return write_rates(self.snapshot)

    @cached_property
    def target_results(self) -> tuple[TargetResult, ...]:
        """The service targets, measured once per analysis for the report and the ST rules alike (the p95
        estimate over thousands of statements takes about a second)."""
        return evaluate(self.snapshot, self.settings.targets)

    @property
    def stats_age_days(self) -> float | None:
        """How long the table and index usage counters have been counting, when the snapshot says."""
        database = self.snapshot.database
        start = (database.stats_reset if database else None) or self.snapshot.server.started_at
        return (self.snapshot.collected_at - start) / timedelta(days=1) if start else None
