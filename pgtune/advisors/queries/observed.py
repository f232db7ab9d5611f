"""The statements the QR rules read, their anti-patterns, and the tables and indexes those point at.

The modelled workload is used when the analysis built one (its text is a literal sample when one was
seen, which keeps OFFSET and LIKE constants pg_stat_statements replaces with $n); otherwise the top-level
pg_stat_statements entries themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...facts import IndexFacts, Snapshot, StatementPlan, StatementStats, TableFacts
from ...findings import Evidence, Severity, StatementImpact
from ...quantities import Unit, human_count
from ...query.antipatterns import AntiPattern, AntiPatternKind, find_antipatterns
from ...query.model import QualifiedName
from ...whatif.workload import observation_days
from ..base import AnalysisFacts

PLAN_SCANS_SHOWN = 3
WARNING_MS_PER_DAY = 60_000.0
"""A statement costing a minute a day or more makes its anti-pattern a warning rather than a note."""


@dataclass(frozen=True)
class Observed:
    text: str
    """What is read for anti-patterns: a literal sample when one is known, else the normalized text."""
    display_text: str
    queryid: int | None
    calls: int
    calls_per_day: float
    mean_exec_ms: float
    stats: StatementStats | None = None
    plan: StatementPlan | None = None

    @property
    def ms_per_day(self) -> float:
        return self.calls_per_day * self.mean_exec_ms

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self.ms_per_day >= WARNING_MS_PER_DAY else Severity.INFO

    def impact(self) -> StatementImpact:
        return StatementImpact(self.queryid, self.display_text, self.calls, self.mean_exec_ms)

    def evidence(self) -> tuple[Evidence, ...]:
        return (
            Evidence("calls", self.calls, Unit.COUNT, f" ({human_count(self.calls_per_day)} a day)"),
            Evidence("mean time", self.mean_exec_ms, Unit.MS),
            Evidence("time a day", self.ms_per_day, Unit.MS),
            *self._plan_evidence(),
        )

    def _plan_evidence(self) -> tuple[Evidence, ...]:
        # Node types and relations only: filters carry the statement's literals.
        if self.plan is None or self.plan.root is None:
            return ()
        scans = [
            f"{node.node_type} on {node.schema + '.' if node.schema else ''}{node.relation} "
            f"({human_count(node.plan_rows)} rows estimated)"
            for node in self.plan.root.walk()
            if node.relation
        ]
        kind = "plan (EXPLAIN ANALYZE)" if self.plan.analyzed else "plan (generic)" if self.plan.generic else "plan"
        return (Evidence(kind, "; ".join(scans[:PLAN_SCANS_SHOWN]) or self.plan.root.node_type),)


def observed_statements(facts: AnalysisFacts) -> tuple[Observed, ...]:
    snapshot = facts.snapshot
    by_queryid = {s.queryid: s for s in snapshot.statements if s.toplevel and s.queryid is not None}
    plans = {p.queryid: p for p in snapshot.plans if p.queryid is not None}
    if facts.workload:
        return tuple(
            Observed(
                w.text,
                w.display_text or w.text,
                w.queryid,
                w.calls,
                w.calls_per_day,
                w.mean_exec_ms,
                by_queryid.get(w.queryid),
                plans.get(w.queryid),
            )
            for w in facts.workload
        )
    return statement_entries(facts)


def statement_entries(facts: AnalysisFacts) -> tuple[Observed, ...]:
    """pg_stat_statements' entries one by one, as collected: the workload merges those of one shape
    (IN lists of every length share a fingerprint)."""
    snapshot = facts.snapshot
    plans = {p.queryid: p for p in snapshot.plans if p.queryid is not None}
    days = observation_days(snapshot)
    return tuple(
        Observed(s.query, s.query, s.queryid, s.calls, s.calls / days, s.mean_exec_ms, s, plans.get(s.queryid))
        for s in snapshot.statements
        if s.toplevel and s.calls
    )


# Parsing is the cost (about 2 ms a statement); six rules read the same texts, and a busy server keeps
# up to pg_stat_statements.max of them, so the cache holds more than that.
@lru_cache(maxsize=32768)
def _antipatterns(text: str) -> tuple[AntiPattern, ...]:
    return find_antipatterns(text)


def antipatterns(facts: AnalysisFacts, kind: AntiPatternKind) -> Iterator[tuple[Observed, AntiPattern]]:
    for observed in observed_statements(facts):
        for found in _antipatterns(observed.text):
            if found.kind is kind:
                yield observed, found


def table_of(snapshot: Snapshot, name: QualifiedName) -> TableFacts | None:
    """The table a statement names; an unqualified name is looked up in public first, then anywhere."""
    if name.schema:
        return snapshot.table(name.schema, name.name)
    same = snapshot.tables_named(name.name)
    return next((t for t in same if t.schema == "public"), same[0] if len(same) == 1 else None)


def pattern_table(snapshot: Snapshot, found: AntiPattern) -> TableFacts | None:
    """The table an anti-pattern is about; an unqualified column of a join is placed by the tables' columns."""
    if found.table is not None:
        return table_of(snapshot, found.table)
    if found.column is None:
        return None
    owners = [
        table
        for name in found.scope
        if (table := table_of(snapshot, name)) and any(c.name == found.column for c in table.columns)
    ]
    return owners[0] if len(owners) == 1 else None


def leads_an_index(snapshot: Snapshot, table: TableFacts, column: str) -> IndexFacts | None:
    """A valid index whose first key is the plain column."""
    return next(
        (
            i
            for i in snapshot.indexes_of(table.schema, table.name)
            if i.is_valid and i.columns and i.columns[0] == column
        ),
        None,
    )


def statement_target(observed: Observed, table: TableFacts | None) -> str:
    if table is not None:
        return table.qualified_name
    return f"queryid {observed.queryid}" if observed.queryid is not None else "statement"
