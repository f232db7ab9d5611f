"""The TimescaleDB 2.28.3 recording (../shared/timescaledb/2.28.3) as pgtune facts, for the PT tests.

A minimal mapping of the view rows, written for these tests only: the collectors engineer writes the production
mapping (pgtune.collectors.timescaledb) from the same rows. The recording has no pg_stats and no column list,
so the plain tables carry the columns of scenario.sql and no correlation. The recorded statements go through
pgtune's query model against those tables.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from functools import cache

from pgtune.collectors.catalog import catalog_from_snapshot
from pgtune.facts import (
    ColumnFacts,
    DatabaseStats,
    Extension,
    IndexFacts,
    ServerFacts,
    Setting,
    Snapshot,
    StatementStats,
    TableFacts,
)
from pgtune.query import model_statement
from pgtune.query.model import ParseFailure, StatementKind
from pgtune.whatif.workload import WorkloadStatement, build_workload

from ..timescale_recording import recorded_facts, recording, view


def _load(name: str):
    return json.loads(recording(name).read_text())


def columns_json() -> dict:
    return _load("columns.json")


def scenario_sql() -> str:
    return recording("scenario.sql").read_text()


timescale_facts = recorded_facts


LEDGER_INDEXES = (
    IndexFacts(
        "public",
        "ledger_entries",
        "ledger_entries_pkey",
        "CREATE UNIQUE INDEX ledger_entries_pkey ON public.ledger_entries USING btree (entry_id)",
        columns=("entry_id",),
        is_unique=True,
        is_primary=True,
        backs_constraint="ledger_entries_pkey",
    ),
    IndexFacts(
        "public",
        "ledger_entries",
        "ledger_entries_account_id_created_at_idx",
        "CREATE INDEX ledger_entries_account_id_created_at_idx ON public.ledger_entries USING btree (account_id, "
        "created_at)",
        columns=("account_id", "created_at"),
    ),
)
"""The ledger's indexes as scenario.sql creates them (the recording keeps no index rows for plain tables)."""

_TYPES = {"int": "integer", "timestamptz": "timestamp with time zone"}


def _scenario_columns(table: str) -> tuple[ColumnFacts, ...]:
    body = re.search(rf"CREATE TABLE {table} \((.*?)\n\);", scenario_sql(), re.S)[1]
    found = []
    for line in body.splitlines():
        words = line.split()
        if len(words) < 2 or not re.fullmatch(r"\w+", words[0]):
            continue
        identity = "a" if "GENERATED ALWAYS AS IDENTITY" in line else ""
        found.append(ColumnFacts(words[0], _TYPES.get(words[1], words[1]), "NOT NULL" in line, identity=identity))
    return tuple(found)


def _table(row: dict) -> TableFacts:
    stats = row["pg_stat_user_tables"] or {}
    return TableFacts(
        schema="public",
        name=row["relname"],
        kind=row["relkind"],
        columns=_scenario_columns(row["relname"]),
        reltuples=max(row["reltuples"], 0),
        relpages=row["relpages"],
        total_size_bytes=row["pg_total_relation_size"],
        size_bytes=row["pg_total_relation_size"],
        **{k: stats.get(k, 0) for k in ("n_live_tup", "n_tup_ins", "n_tup_upd", "n_tup_del")},
    )


def _statements() -> tuple[WorkloadStatement, ...]:
    """The recorded pg_stat_statements rows, modelled by pgtune's query model against the scenario's tables."""
    snapshot = recorded_snapshot()
    catalog = catalog_from_snapshot(snapshot)
    pairs = []
    for row in _load("pg_stat_statements.json"):
        stats = StatementStats(
            queryid=int(row["queryid"]),
            query=row["query"],
            calls=row["calls"],
            total_exec_ms=row["total_exec_time"],
            mean_exec_ms=row["mean_exec_time"],
        )
        shape = model_statement(stats.query, catalog, stats.queryid)
        if not isinstance(shape, ParseFailure) and shape.kind is not StatementKind.UTILITY:
            pairs.append((stats, shape))
    return build_workload(snapshot, pairs)


@cache
def recorded_snapshot() -> Snapshot:
    server = _load("server.json")
    relations = _load("relations.json")["tables"]
    collected = max(datetime.fromisoformat(c["chunk_creation_time"]) for c in view("chunks"))
    return Snapshot(
        server=ServerFacts(
            version_num=server["server_version_num"],
            version=server["server_version"],
            database="exchange",
            role="postgres",
            # README: the recording server ran with shared_buffers=256MB.
            settings=(Setting("shared_buffers", "32768", "8kB"),),
            extensions=tuple(Extension(e["extname"], e["extversion"], "public") for e in server["pg_extension"]),
            started_at=collected.replace(hour=0, minute=0, second=0, microsecond=0),
        ),
        collected_at=collected,
        # The three workload passes ran within minutes of the reset: their calls count as one day's.
        statements_reset_at=collected - timedelta(days=1),
        tables=tuple(_table(r) for r in relations if r["relkind"] == "r" and r["pg_stat_user_tables"]),
        indexes=LEDGER_INDEXES,
        # The scenario loads 60 days of rows: read over those days, the counters give the rates the data has.
        database=DatabaseStats("exchange", stats_reset=collected - timedelta(days=60)),
        timescaledb=timescale_facts(),
    )


def recorded_workload():
    return _statements()
