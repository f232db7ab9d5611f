"""Small builders for the snapshots the advisor tests feed in: only what a rule reads is spelled out."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import ModuleType

from pgtune.advisors.base import AdvisorSettings, AnalysisFacts, run_check
from pgtune.facts import ColumnFacts, DatabaseStats, IndexFacts, ServerFacts, Setting, Snapshot, TableFacts
from pgtune.findings import Finding

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


def snapshot(stats_days: float | None = 30.0, settings: dict[str, str] | None = None, **facts) -> Snapshot:
    server = ServerFacts(
        150000,
        "PostgreSQL 15.8",
        "exchange",
        "pgtune",
        settings=tuple(Setting(name, value) for name, value in (settings or {}).items()),
    )
    reset = NOW - timedelta(days=stats_days) if stats_days is not None else None
    facts.setdefault("database", DatabaseStats("exchange", stats_reset=reset))
    return Snapshot(server=server, collected_at=NOW, **facts)


def table(name: str = "orders", columns: tuple[str, ...] = ("id", "user_id"), **fields) -> TableFacts:
    types = fields.pop("types", {})
    not_null = fields.pop("not_null", ())
    return TableFacts(
        "public",
        name,
        columns=tuple(ColumnFacts(c, types.get(c, "bigint"), not_null=c in not_null) for c in columns),
        **fields,
    )


def index(name: str, body: str, table_name: str = "orders", unique: bool = False, **fields) -> IndexFacts:
    """An index from the tail of its definition, as pg_get_indexdef writes it: ``USING btree (a, b)``."""
    definition = f"CREATE {'UNIQUE ' if unique else ''}INDEX {name} ON public.{table_name} {body}"
    return IndexFacts("public", table_name, name, definition, is_unique=unique, **fields)


def run(module: ModuleType, snap: Snapshot, workload=(), **settings) -> list[Finding]:
    return list(run_check(module, AnalysisFacts(snap, workload, settings=AdvisorSettings(**settings))))


def targets(findings: list[Finding]) -> list[str | None]:
    return [f.target for f in findings]
