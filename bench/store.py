"""``python -m bench store``: a year of nightly snapshots of a 5,000-statement server in the SQLite store.

Prints the bytes each snapshot adds, the store's size on disk and the time per save. Counters grow by a
random amount each night, as a real workload's do, so zlib gets no easier data than it would in production.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pgtune.facts import IndexFacts, PlanNode, ServerFacts, Snapshot, StatementPlan, StatementStats, TableFacts
from pgtune.store import open_store

from .common import print_table, write_result


def _server(statements: int, seed: int) -> Snapshot:
    rng = random.Random(seed)
    tables = tuple(
        TableFacts("public", f"table_{t}", reltuples=rng.randint(1_000, 50_000_000), size_bytes=rng.randint(1, 10**10))
        for t in range(200)
    )
    return Snapshot(
        server=ServerFacts(150004, "15.4", "exchange", "pgtune", started_at=datetime(2025, 1, 1, tzinfo=timezone.utc)),
        collected_at=datetime(2025, 1, 1, 3, tzinfo=timezone.utc),
        statements=tuple(
            StatementStats(
                queryid=rng.getrandbits(63),
                query=f"SELECT c{s % 7}, c{s % 11} FROM table_{s % 200} WHERE id = $1 AND status = $2 /* {s} */",
                calls=0,
                total_exec_ms=0.0,
                mean_exec_ms=0.0,
            )
            for s in range(statements)
        ),
        tables=tables,
        indexes=tuple(
            IndexFacts("public", t.name, f"{t.name}_idx_{i}", f"CREATE INDEX ON {t.name} (c{i})", columns=(f"c{i}",))
            for t in tables
            for i in range(2)
        ),
        plans=tuple(
            StatementPlan(
                s,
                "SELECT",
                True,
                False,
                PlanNode("Index Scan", 0.29, 8.31, 1, relation=f"table_{s}", index_name=f"table_{s}_idx_0"),
            )
            for s in range(50)
        ),
    )


def _next_night(snapshot: Snapshot, rng: random.Random) -> Snapshot:
    statements = []
    for s in snapshot.statements:
        calls = s.calls + int(rng.expovariate(1 / 2000))
        total = s.total_exec_ms + (calls - s.calls) * rng.uniform(0.05, 5.0)
        statements.append(
            dataclasses.replace(
                s,
                calls=calls,
                total_exec_ms=total,
                mean_exec_ms=total / calls if calls else 0.0,
                stddev_exec_ms=rng.uniform(0.0, 2.0),
                rows=s.rows + calls - s.calls,
                shared_blks_hit=s.shared_blks_hit + rng.randint(0, 100_000),
                shared_blks_read=s.shared_blks_read + rng.randint(0, 1_000),
            )
        )
    return dataclasses.replace(
        snapshot, collected_at=snapshot.collected_at + timedelta(days=1), statements=tuple(statements)
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench store")
    parser.add_argument("--nights", type=int, default=365)
    parser.add_argument("--statements", type=int, default=5000)
    args = parser.parse_args(argv)
    rng = random.Random(1)
    snapshot = _server(args.statements, seed=1)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "history.sqlite3"
        saves: list[float] = []
        cpu: list[float] = []
        with open_store(f"sqlite://{path}") as store:
            for _ in range(args.nights):
                snapshot = _next_night(snapshot, rng)
                started, started_cpu = time.perf_counter(), time.process_time()
                store.save_snapshot(snapshot, "exchange")
                saves.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            blobs = store._rows("SELECT sum(length(statements)), sum(length(facts)) FROM snapshots")[0]
        total = path.stat().st_size
    per_snapshot = total / args.nights
    saves.sort()
    cpu.sort()
    rows = [
        ("nights", args.nights),
        ("statements per snapshot", args.statements),
        ("store size (MB)", total / 2**20),
        ("bytes per snapshot (file size / nights)", round(per_snapshot)),
        ("statement counters per snapshot (bytes)", round(blobs[0] / args.nights)),
        ("other facts per snapshot (bytes)", round(blobs[1] / args.nights)),
        ("bytes per statement per night", per_snapshot / args.statements),
        ("save, median (ms)", 1000 * saves[len(saves) // 2]),
        ("save, slowest (ms)", 1000 * saves[-1]),
        ("save, median CPU time (ms)", 1000 * cpu[len(cpu) // 2]),
    ]
    print_table("history store: a year of nightly snapshots in SQLite", ("measure", "value"), rows)
    write_result("store", {"rows": {name: value for name, value in rows}})
    return 0
