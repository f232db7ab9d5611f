"""A fleet in one run: many small databases on one throwaway server, collected concurrently over asyncpg.

``python -m bench fleet [--databases 50] [--concurrency 8]``. Each database gets a small schema and a
workload, so that pg_stat_statements has entries and the plans collector has work. The same databases are
then collected one after the other with the psycopg session, as ``pgtune snapshot --dsn`` does, for scale.
Peak memory is the process's peak resident set size (``getrusage`` ``ru_maxrss``), read before and after.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import psycopg

from pgtune.collectors import CollectOptions, collect
from pgtune.db import SessionGuards, connect
from pgtune.demo.cluster import TemporaryCluster
from pgtune.fleet import Collected, collect_fleet
from pgtune.inventory import Target

from .common import print_table, write_result

SCHEMA = """
CREATE EXTENSION pg_stat_statements;
CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric NOT NULL DEFAULT 0);
CREATE TABLE orders (id bigserial PRIMARY KEY, account_id int NOT NULL REFERENCES accounts, market text NOT NULL,
    price numeric NOT NULL, qty numeric NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX orders_account ON orders (account_id);
CREATE TABLE markets (name text PRIMARY KEY, tick numeric NOT NULL);
INSERT INTO accounts SELECT g, 'owner' || g, g FROM generate_series(1, 2000) g;
INSERT INTO markets SELECT 'M' || g, 0.01 FROM generate_series(1, 50) g;
INSERT INTO orders (account_id, market, price, qty)
    SELECT 1 + g % 2000, 'M' || (1 + g % 50), 100 + g % 7, 1 + g % 3 FROM generate_series(1, 20000) g;
ANALYZE;
"""
WORKLOAD = (
    ("SELECT balance FROM accounts WHERE id = %s", lambda i: (i,)),
    ("SELECT * FROM orders WHERE account_id = %s ORDER BY created_at DESC LIMIT 20", lambda i: (i,)),
    ("SELECT count(*) FROM orders WHERE market = %s", lambda i: (f"M{i % 50}",)),
    ("SELECT market, sum(qty) FROM orders WHERE price > %s GROUP BY market", lambda i: (100 + i % 5,)),
    ("UPDATE accounts SET balance = balance + 1 WHERE id = %s", lambda i: (i,)),
)


def _build(cluster: TemporaryCluster, count: int) -> list[Target]:
    with psycopg.connect(cluster.dsn(), autocommit=True) as admin:
        admin.execute("CREATE DATABASE fleet_template")
        with psycopg.connect(cluster.dsn("fleet_template"), autocommit=True) as template:
            template.execute(SCHEMA)
        targets = []
        for n in range(count):
            name = f"fleet_{n:03d}"
            admin.execute(f"CREATE DATABASE {name} TEMPLATE fleet_template")
            with psycopg.connect(cluster.dsn(name), autocommit=True) as app:
                for i in range(1, 11):
                    for query, params in WORKLOAD:
                        app.execute(query, params(i * (n + 1)))
            targets.append(Target(name, cluster.dsn(name)))
    return targets


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _distribution(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "min_s": ordered[0],
        "p50_s": statistics.median(ordered),
        "p90_s": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
        "max_s": ordered[-1],
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench fleet")
    parser.add_argument("--databases", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)
    with TemporaryCluster(settings={"max_connections": str(args.databases + 20)}) as cluster:
        started = time.perf_counter()
        targets = _build(cluster, args.databases)
        print(f"{len(targets)} databases built in {time.perf_counter() - started:.1f} s")
        options, guards = CollectOptions(), SessionGuards()

        rss_before = _peak_rss_mib()
        outcomes: list[Collected] = []
        started = time.perf_counter()
        collect_fleet(targets, options, guards, args.concurrency, outcomes.append)
        fleet_s = time.perf_counter() - started
        rss_after = _peak_rss_mib()

        sequential: list[float] = []
        for target in targets:
            one = time.perf_counter()
            with connect(target.dsn, guards) as session:
                collect(session, options)
            sequential.append(time.perf_counter() - one)

    failed = [o.target.name for o in outcomes if o.error is not None]
    fleet_times = _distribution([o.seconds for o in outcomes])
    sequential_times = _distribution(sequential)
    rows = [
        (
            f"asyncpg fleet, concurrency {args.concurrency}",
            fleet_s,
            *fleet_times.values(),
        ),
        ("psycopg, one after the other", sum(sequential), *sequential_times.values()),
    ]
    print_table(
        f"pgtune snapshot of {len(targets)} databases (plans on); {len(failed)} failed",
        ("run", "total s", "min s", "p50 s", "p90 s", "max s"),
        rows,
    )
    statements = sum(len(o.snapshot.statements) for o in outcomes if o.snapshot)
    plans = sum(len(o.snapshot.plans) for o in outcomes if o.snapshot)
    print(
        f"peak RSS {rss_after:.0f} MiB after the fleet run ({rss_before:.0f} MiB before it); "
        f"{statements} statements and {plans} plans collected"
    )
    path = write_result(
        "fleet",
        {
            "databases": len(targets),
            "concurrency": args.concurrency,
            "failed": failed,
            "fleet_total_s": fleet_s,
            "fleet_per_server": fleet_times,
            "sequential_total_s": sum(sequential),
            "sequential_per_server": sequential_times,
            "peak_rss_mib_before": rss_before,
            "peak_rss_mib_after": rss_after,
            "statements": statements,
            "plans": plans,
        },
    )
    print(f"recorded in {path}")
    return 1 if failed else 0
