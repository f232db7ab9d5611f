"""``python -m bench catalog [--tables N]``: collection time and round trips on a database of N tables.

Builds N tables with 3 indexes each on a throwaway cluster (set-based DDL in DO blocks), then collects a
snapshot at a tenth of N and at N, counting the statements pgtune sends: the count must not grow with N.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import psycopg

from pgtune.collectors import CollectOptions, collect
from pgtune.db import Session, connect
from pgtune.demo.cluster import TemporaryCluster

from .common import print_table, write_result

INDEXES_PER_TABLE = 3
_BATCH = 500
_CREATE = """
DO $$
BEGIN
    FOR i IN %(first)s..%(last)s LOOP
        EXECUTE format('CREATE TABLE bench.t%%s (id bigint PRIMARY KEY, account int NOT NULL, at timestamptz,
                        note text)', i);
        EXECUTE format('CREATE INDEX ON bench.t%%s (account, at)', i);
        EXECUTE format('CREATE INDEX ON bench.t%%s (lower(note)) WHERE at IS NOT NULL', i);
        IF i %% %(batch)s = 0 THEN
            COMMIT;
        END IF;
    END LOOP;
END
$$;
"""


class CountingSession(Session):
    """A session that counts the statements it sends: the round trips of a collection."""

    round_trips = 0

    def rows(self, query, params=None):
        self.round_trips += 1
        return super().rows(query, params)

    def scalar(self, query, params=None):
        self.round_trips += 1
        return super().scalar(query, params)

    def script(self, statements):
        self.round_trips += 1
        return super().script(statements)


def add_tables(dsn: str, first: int, last: int) -> None:
    """Tables bench.t<first>..t<last>, each with a primary key and two more indexes."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA IF NOT EXISTS bench")
        conn.execute(_CREATE % {"first": first, "last": last, "batch": _BATCH})


def measure(dsn: str) -> dict[str, Any]:
    """One collection without plans: seconds, round trips, what it found."""
    with connect(dsn) as plain:
        session = CountingSession(plain.connection, dsn)
        session.round_trips = 0
        started = time.perf_counter()
        snapshot = collect(session, CollectOptions(plans=False))
        seconds = time.perf_counter() - started
    return {
        "tables": len(snapshot.tables),
        "indexes": len(snapshot.indexes),
        "seconds": seconds,
        "round_trips": session.round_trips,
        "gaps": len(snapshot.gaps),
    }


def run(dsn: str, sizes: list[int]) -> list[dict[str, Any]]:
    results, built = [], 0
    for size in sizes:
        add_tables(dsn, built + 1, size)
        built = size
        results.append(measure(dsn))
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench catalog", description=__doc__)
    parser.add_argument("--tables", type=int, default=10_000, help="tables in the largest database (default 10,000)")
    parser.add_argument("--results", type=Path, default=None, help="directory for the JSON result (bench/results)")
    args = parser.parse_args(argv)
    sizes = sorted({max(1, args.tables // 10), args.tables})
    with TemporaryCluster(settings={"max_locks_per_transaction": "1024"}) as cluster:
        dsn = cluster.dsn()
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE DATABASE catalog")
            conn.execute("ALTER DATABASE catalog SET search_path = bench, public")
        dsn = cluster.dsn("catalog")
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION pg_stat_statements")
        results = run(dsn, sizes)
    rows = [(r["tables"], r["indexes"], r["seconds"], r["round_trips"], r["gaps"]) for r in results]
    print_table("collection of a large catalog", ("tables", "indexes", "seconds", "round trips", "gaps"), rows)
    path = write_result("catalog", {"indexes_per_table": INDEXES_PER_TABLE, "runs": results}, args.results)
    print(f"written to {path}")
    return 0
