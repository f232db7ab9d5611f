"""pgtune's footprint on the server it analyzes: the pg_stat_statements entries one ``pgtune analyze`` adds,
and the application's entries it evicts, through the CLI as a user runs it.

One throwaway server (pg_stat_statements.max small, so that evictions can happen) holds two workloads: the
exchange demo's (ours: N distinct statements replayed) and TPC-H's 22 queries on its empty schema (not
ours; also given as ``--workload`` with ``--explain-analyze``). Each is analyzed twice: as a superuser
(pgtune turns tracking off for its session) and as a ``pg_monitor`` role without ``SET`` on
pg_stat_statements.track (its statements are tracked). Entries are compared as sets of (user, database,
queryid) before and after; the admin's own connection is untracked.

    python -m bench footprint [--statements 150] [--pgss-max 400] [--source DIR]

``--source DIR`` runs the pgtune of another checkout (for before/after figures on the same machine).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import psycopg
from pglast import parser

from bench.common import print_table, write_result
from pgtune.demo.cluster import TemporaryCluster
from pgtune.demo.exchange import Sizes, load, replay, statement_variants

HERE = Path(__file__).resolve().parent
TPCH = HERE / "tpch"
ROLE, PASSWORD = "pgtune_monitor", "footprint-bench"


def _entries(admin: psycopg.Connection) -> set[tuple]:
    return set(admin.execute("SELECT userid, dbid, queryid FROM pg_stat_statements").fetchall())


def _dealloc(admin: psycopg.Connection) -> int:
    return admin.execute("SELECT dealloc FROM pg_stat_statements_info").fetchone()[0]


def _analyze(source: Path, dsn: str, extra: list[str]) -> int:
    env = {**os.environ, "PYTHONPATH": str(source)}
    result = subprocess.run(
        [sys.executable, "-m", "pgtune", "analyze", "--dsn", dsn, "--format", "json", *extra],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"pgtune analyze failed ({result.returncode}): {result.stderr.strip()}")
    return result.returncode


def _workloads(cluster: TemporaryCluster, statements: int) -> list[tuple[str, str, callable, list[str]]]:
    """(name, dsn, replay, extra flags) per workload; the databases are built here."""
    with psycopg.connect(cluster.dsn(), autocommit=True) as admin:
        admin.execute("SET pg_stat_statements.track = 'none'")
        for name in ("exchange", "tpch"):
            admin.execute(f"CREATE DATABASE {name}")
        admin.execute(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'; GRANT pg_monitor TO {ROLE}")
    for name in ("exchange", "tpch"):
        with psycopg.connect(cluster.dsn(name), autocommit=True) as db:
            db.execute("SET pg_stat_statements.track = 'none'")
            db.execute("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg")
            db.execute(f"GRANT pg_read_all_data TO {ROLE}")
    sizes = Sizes.for_scale(0.01)
    with psycopg.connect(cluster.dsn("exchange"), autocommit=True) as db:
        db.execute("SET pg_stat_statements.track = 'none'")
        load(db, sizes)
    with psycopg.connect(cluster.dsn("tpch"), autocommit=True) as db:
        db.execute("SET pg_stat_statements.track = 'none'")
        db.execute((TPCH / "schema.sql").read_text())
    variants = list(statement_variants(statements, 5, sizes))
    tpch_queries = parser.split((TPCH / "queries.sql").read_text())

    def exchange(connection: psycopg.Connection) -> None:
        replay(connection, variants)

    def tpch(connection: psycopg.Connection) -> None:
        for query in tpch_queries:
            connection.execute(query)

    return [
        ("exchange (ours)", "exchange", exchange, []),
        ("TPC-H", "tpch", tpch, ["--workload", str(TPCH / "queries.sql"), "--explain-analyze"]),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench footprint")
    parser.add_argument("--statements", type=int, default=150)
    parser.add_argument("--pgss-max", type=int, default=400)
    parser.add_argument("--show-added", action="store_true", help="print the texts pgtune added")
    parser.add_argument("--source", type=Path, default=HERE.parent, help="the checkout whose pgtune runs")
    args = parser.parse_args(argv)
    cluster = TemporaryCluster(settings={"pg_stat_statements.max": str(args.pgss_max)})
    rows, records = [], []
    with cluster:
        for label, dbname, run_workload, extra in _workloads(cluster, args.statements):
            for role, dsn in (
                ("superuser", cluster.dsn(dbname)),
                ("pg_monitor", cluster.dsn(dbname, user=ROLE, password=PASSWORD)),
            ):
                with psycopg.connect(cluster.dsn(dbname), autocommit=True) as admin:
                    admin.execute("SET pg_stat_statements.track = 'none'")
                    admin.execute("SELECT pg_stat_statements_reset()")
                    with psycopg.connect(cluster.dsn(dbname), autocommit=True) as app:
                        run_workload(app)
                    before, dealloc_before = _entries(admin), _dealloc(admin)
                    _analyze(args.source.resolve(), dsn, extra)
                    after, dealloc_after = _entries(admin), _dealloc(admin)
                    if args.show_added:
                        added = {k[2] for k in after - before}
                        for queryid, text in admin.execute("SELECT queryid, query FROM pg_stat_statements"):
                            if queryid in added:
                                print(f"  {label}/{role}: {' '.join(text.split())[:150]}")
                record = {
                    "workload": label,
                    "role": role,
                    "workload_entries": len(before),
                    "added_entries": len(after - before),
                    "evicted_workload_entries": len(before - after),
                    "deallocations": dealloc_after - dealloc_before,
                }
                records.append(record)
                rows.append(list(record.values()))
    print_table(
        f"pgtune's footprint in pg_stat_statements (max {args.pgss_max}), source {args.source}",
        ["workload", "role", "workload entries", "added by pgtune", "workload entries evicted", "deallocations"],
        rows,
    )
    name = "footprint" if args.source.resolve() == HERE.parent else "footprint-" + args.source.resolve().name
    write_result(name, {"pgss_max": args.pgss_max, "statements": args.statements, "runs": records})
    return 0
