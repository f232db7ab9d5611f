"""Health advisors on a large synthetic catalog: how long each rule takes as tables and indexes grow.

``python -m bench health [--tables N] [--indexes-per-table K]``. Partitioned trading tables reach tens of
thousands of relations; every rule must stay well under the collection time there.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime, timedelta, timezone

from pgtune.advisors import ANALYSIS_ADVISORS
from pgtune.advisors.base import AnalysisFacts, run_check
from pgtune.facts import (
    ColumnFacts,
    ColumnStats,
    ConstraintFacts,
    DatabaseStats,
    IndexFacts,
    SequenceFacts,
    ServerFacts,
    Snapshot,
    TableFacts,
)

from .common import print_table, write_result

COLUMNS = ("id", "account_id", "market_id", "price", "qty", "created_at")


def synthetic_snapshot(tables: int, indexes_per_table: int) -> Snapshot:
    now = datetime(2026, 11, 26, tzinfo=timezone.utc)
    table_facts, index_facts, constraints, stats, sequences = [], [], [], [], []
    for t in range(tables):
        name = f"trades_{t:05d}"
        table_facts.append(
            TableFacts(
                "public",
                name,
                columns=tuple(ColumnFacts(c, "integer" if c == "id" else "bigint", c == "id") for c in COLUMNS),
                reltuples=1e6 + t,
                n_live_tup=1_000_000,
                n_dead_tup=50_000 + 200 * (t % 1000),
                n_mod_since_analyze=10_000 * (t % 50),
                size_bytes=(100 + t % 400) * 2**20,
                seq_scan=t % 300,
                seq_tup_read=(t % 300) * 500_000,
                xid_age=100_000_000 + 500_000 * (t % 2000),
            )
        )
        index_facts.append(
            IndexFacts(
                "public",
                name,
                f"{name}_pkey",
                f"CREATE UNIQUE INDEX {name}_pkey ON public.{name} USING btree (id)",
                columns=("id",),
                is_unique=True,
                is_primary=True,
                backs_constraint=f"{name}_pkey",
            )
        )
        for k in range(indexes_per_table - 1):
            keys = COLUMNS[1 + k % 4 : 3 + k % 4]
            index_facts.append(
                IndexFacts(
                    "public",
                    name,
                    f"{name}_{k}_idx",
                    f"CREATE INDEX {name}_{k}_idx ON public.{name} USING btree ({', '.join(keys)})",
                    columns=keys,
                    idx_scan=(t + k) % 3,
                    size_bytes=(20 + k) * 2**20,
                )
            )
        constraints.append(ConstraintFacts("public", name, f"{name}_pkey", "p", ("id",)))
        constraints.append(
            ConstraintFacts("public", name, f"{name}_market_fkey", "f", ("market_id",), "", True, "markets", ("id",))
        )
        stats.extend(ColumnStats("public", name, c, avg_width_bytes=8) for c in COLUMNS)
        sequences.append(
            SequenceFacts("public", f"{name}_id_seq", "bigint", 1_000_000 * (t % 2000), 2**63 - 1, f"public.{name}.id")
        )
    return Snapshot(
        server=ServerFacts(150000, "15", "exchange", "pgtune"),
        collected_at=now,
        tables=tuple(table_facts),
        indexes=tuple(index_facts),
        constraints=tuple(constraints),
        column_stats=tuple(stats),
        sequences=tuple(sequences),
        database=DatabaseStats("exchange", stats_reset=now - timedelta(days=30)),
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench health")
    parser.add_argument("--tables", type=int, default=5000)
    parser.add_argument("--indexes-per-table", type=int, default=5)
    args = parser.parse_args(argv)
    snapshot = synthetic_snapshot(args.tables, args.indexes_per_table)
    facts = AnalysisFacts(snapshot)
    rows = []
    for module in (m for m in ANALYSIS_ADVISORS if m.RULE.id[:2] in ("IX", "MT") and m.RULE.id != "IX001"):
        started = time.perf_counter()
        findings = list(run_check(module, facts))
        rows.append((module.RULE.id, module.RULE.slug, len(findings), 1000 * (time.perf_counter() - started)))
    total_ms = sum(r[3] for r in rows)
    print_table(
        f"health advisors: {len(snapshot.tables):,} tables, {len(snapshot.indexes):,} indexes",
        ("rule", "slug", "findings", "ms"),
        [*rows, ("all", "", sum(r[2] for r in rows), total_ms)],
    )
    write_result(
        "health",
        {
            "tables": len(snapshot.tables),
            "indexes": len(snapshot.indexes),
            "total_ms": total_ms,
            "rules": [{"rule": r[0], "findings": r[2], "ms": r[3]} for r in rows],
        },
    )
    return 0
