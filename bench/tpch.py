"""TPC-H: the index advisor on the 22 queries, under budgets relative to lineitem's size, and what it buys.

A throwaway server gets TPC-H data (tpchgen-cli, primary keys only). The workload is the 22 queries
with the specification's validation parameters, each weighted equally (one call a day of an assumed
second: TPC-H's own metric is a geometric mean, so no query dominates by its runtime). The loading's
row counters are reset first: the query workload is read-only, so no index pays a write cost. For each
budget the advisor's choice is scored by relative planner cost (sum after / sum before, over all 22
and over the 19 without Q2, Q17 and Q20, as the index-selection literature does); for the measured
budgets the indexes are then built for real, their size set against the estimate, and every query
timed before and after under a statement timeout.

    python -m bench tpch [--scale 1] [--budgets 0.25,0.5,1] [--measure 1] [--timeout-s 300] [--results DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psycopg
from pglast.parser import split

from bench.common import RESULTS, print_table, write_result
from pgtune.collectors import CollectOptions, collect
from pgtune.collectors.catalog import catalog_from_snapshot
from pgtune.db import Session, connect
from pgtune.demo.cluster import TemporaryCluster
from pgtune.demo.run import start_server
from pgtune.facts import Snapshot
from pgtune.query import model_statement
from pgtune.query.model import ParseFailure
from pgtune.whatif.advise import IndexAdvisorSettings, advise_indexes
from pgtune.whatif.selection import IndexSelection
from pgtune.whatif.workload import WorkloadStatement

HERE = Path(__file__).resolve().parent / "tpch"
DATABASE = "tpch"
TABLES = ("region", "nation", "part", "supplier", "partsupp", "customer", "orders", "lineitem")
SERVER_SETTINGS = {"shared_buffers": "1GB", "work_mem": "64MB", "max_parallel_workers_per_gather": "0"}
"""Stable timings: the data fits in memory and no run depends on how many parallel workers it got."""
EXCLUDED = ("Q2", "Q17", "Q20")
"""Left out of the second relative cost, as in the index-selection literature (correlated subqueries)."""
ASSUMED_MS = 1000.0
SLOWER = 1.10
"""A query more than 10 % slower after the indexes is flagged."""

_INDEX_SIZE = "SELECT pg_relation_size(to_regclass(%s))"


def queries() -> dict[str, str]:
    """Q1..Q22 in file order."""
    texts = split((HERE / "queries.sql").read_text())
    return {f"Q{number}": text for number, text in enumerate(texts, start=1)}


def load(dsn: str, scale: float) -> tuple[float, int]:
    """Generate, create, COPY, VACUUM ANALYZE; returns (seconds taken, lineitem's size in bytes)."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="pgtune-tpch-") as directory:
        subprocess.run(
            ["tpchgen-cli", "csv", "-s", f"{scale:g}", "--output-dir", directory], check=True, capture_output=True
        )
        # The loading connection closes before the counters are reset, so its pending counts are flushed.
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute((HERE / "schema.sql").read_text())
            for table in TABLES:
                copy_sql = f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true)"
                with open(Path(directory) / f"{table}.csv", "rb") as data, connection.cursor().copy(copy_sql) as copy:
                    while chunk := data.read(1 << 20):
                        copy.write(chunk)
            connection.execute("VACUUM ANALYZE")
    load_s = time.monotonic() - started
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute("SELECT pg_stat_reset()")
        lineitem_bytes = connection.execute("SELECT pg_relation_size('lineitem')").fetchone()[0]
    return load_s, lineitem_bytes


def workload(snapshot: Snapshot, texts: dict[str, str]) -> tuple[WorkloadStatement, ...]:
    """The literal queries as the advisor weighs them (pg_stat_statements would have normalized the constants)."""
    catalog = catalog_from_snapshot(snapshot)
    statements = []
    for name, text in texts.items():
        shape = model_statement(text, catalog)
        if isinstance(shape, ParseFailure):
            raise SystemExit(f"{name} cannot be modelled: {shape.reason}")
        statements.append(WorkloadStatement(name, text, shape, 1.0, ASSUMED_MS, display_text=name, calls=1))
    return tuple(statements)


@dataclass(frozen=True)
class Advice:
    factor: float
    selection: IndexSelection
    advisor_s: float


def advise(session: Session, texts: dict[str, str], lineitem_bytes: int, factors: Sequence[float]) -> list[Advice]:
    snapshot = collect(session, CollectOptions(plans=False))
    statements = workload(snapshot, texts)
    advice = []
    for factor in factors:
        budget = f"{int(lineitem_bytes * factor)}B"
        started = time.monotonic()
        selection = advise_indexes(snapshot, statements, session, IndexAdvisorSettings(budget=budget))
        advice.append(Advice(factor, selection, time.monotonic() - started))
    return advice


def relative_cost(selection: IndexSelection, excluded: Sequence[str] = ()) -> float:
    kept = [o for o in selection.outcomes if o.key not in excluded]
    return sum(o.cost_after for o in kept) / sum(o.cost_before for o in kept)


def run_queries(connection: psycopg.Connection, texts: dict[str, str], timeout_s: float) -> dict[str, float | None]:
    """Each query's wall time in seconds, None when it hit the timeout."""
    connection.execute(f"SET statement_timeout = '{timeout_s:g}s'")
    seconds: dict[str, float | None] = {}
    for name, text in texts.items():
        started = time.monotonic()
        try:
            connection.execute(text).fetchall()
            seconds[name] = time.monotonic() - started
        except psycopg.errors.QueryCanceled:
            seconds[name] = None
    connection.execute("RESET statement_timeout")
    return seconds


def build(connection: psycopg.Connection, selection: IndexSelection) -> tuple[list[dict], float]:
    """Create the chosen indexes for real; each one's estimated and real size, and the build time."""
    started = time.monotonic()
    built = []
    for chosen in selection.chosen:
        connection.execute(chosen.spec.create_sql(concurrently=False))
        real = connection.execute(_INDEX_SIZE, (f"{chosen.spec.schema}.{chosen.spec.name()}",)).fetchone()[0]
        built.append({"ddl": chosen.spec.create_sql(False), "estimated_bytes": chosen.size_bytes, "real_bytes": real})
    build_s = time.monotonic() - started
    connection.execute("ANALYZE")
    return built, build_s


def drop(connection: psycopg.Connection, selection: IndexSelection) -> None:
    for chosen in selection.chosen:
        connection.execute(f"DROP INDEX {chosen.spec.schema}.{chosen.spec.name()}")


def run(scale: float, factors: Sequence[float], measured: Sequence[float], timeout_s: float) -> dict:
    texts = queries()
    cluster: TemporaryCluster = start_server(SERVER_SETTINGS)
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {DATABASE}")
        dsn = cluster.dsn(DATABASE)
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute("CREATE EXTENSION pg_stat_statements")
            connection.execute("CREATE EXTENSION hypopg")
        load_s, lineitem_bytes = load(dsn, scale)
        with connect(dsn) as session:
            advice = advise(session, texts, lineitem_bytes, factors)
        timings: dict[str, dict[str, float | None]] = {}
        builds: dict[float, dict] = {}
        with psycopg.connect(dsn, autocommit=True) as connection:
            timings["before"] = run_queries(connection, texts, timeout_s)
            for item in advice:
                if item.factor not in measured:
                    continue
                built, build_s = build(connection, item.selection)
                builds[item.factor] = {"indexes": built, "build_s": build_s}
                timings[f"{item.factor:g}x"] = run_queries(connection, texts, timeout_s)
                drop(connection, item.selection)
    finally:
        cluster.stop()
    return _record(scale, timeout_s, load_s, lineitem_bytes, advice, builds, timings)


def _record(
    scale: float,
    timeout_s: float,
    load_s: float,
    lineitem_bytes: int,
    advice: list[Advice],
    builds: dict[float, dict],
    timings: dict[str, dict[str, float | None]],
) -> dict:
    budgets = []
    for item in advice:
        selection = item.selection
        lookups = selection.planner_calls + selection.cache_hits
        estimates = {c.spec.create_sql(False): c.size_bytes for c in selection.chosen}
        budgets.append(
            {
                "factor": item.factor,
                "budget_bytes": selection.budget_bytes,
                "relative_cost_22": relative_cost(selection),
                "relative_cost_19": relative_cost(selection, EXCLUDED),
                "indexes": len(selection.chosen),
                "estimated_bytes": selection.used_bytes,
                "planner_calls": selection.planner_calls,
                "cache_hit_rate": selection.cache_hits / lookups if lookups else 0.0,
                "advisor_s": item.advisor_s,
                "unplannable": [list(pair) for pair in selection.unplannable],
                "chosen": builds.get(item.factor, {}).get("indexes")
                or [{"ddl": ddl, "estimated_bytes": size} for ddl, size in estimates.items()],
                "build_s": builds.get(item.factor, {}).get("build_s"),
                "costs": {o.key: [o.cost_before, o.cost_after] for o in selection.outcomes},
            }
        )
    before = timings.get("before", {})
    slower = {
        label: sorted(
            name
            for name, after in runs.items()
            if before.get(name) is not None and (after is None or after > before[name] * SLOWER)
        )
        for label, runs in timings.items()
        if label != "before"
    }
    return {
        "scale": scale,
        "server_settings": SERVER_SETTINGS,
        "weighting": f"each query once a day at an assumed {ASSUMED_MS:g} ms (equal weights); read-only workload",
        "timeout_s": timeout_s,
        "load_s": load_s,
        "lineitem_bytes": lineitem_bytes,
        "budgets": budgets,
        "timings_s": timings,
        "slower_than_10pct": slower,
    }


def _seconds(value: float | None, timeout_s: float) -> str:
    return f"> {timeout_s:g} s" if value is None else f"{value:.2f}"


def show(record: dict) -> None:
    mib = 1024 * 1024
    settings = ", ".join(f"{k}={v}" for k, v in record["server_settings"].items())
    print(
        f"TPC-H SF {record['scale']:g}: loaded in {record['load_s']:.1f} s, "
        f"lineitem {record['lineitem_bytes'] / mib:,.1f} MiB; server {settings}; {record['weighting']}"
    )
    print_table(
        "Index advisor on the 22 TPC-H queries (relative planner cost: sum after / sum before)",
        (
            "budget",
            "budget MiB",
            "rel. cost 22",
            "rel. cost 19",
            "indexes",
            "est. MiB",
            "planner calls",
            "cache hits",
            "advisor s",
        ),
        [
            (
                f"{b['factor']:g} x lineitem",
                b["budget_bytes"] / mib,
                f"{b['relative_cost_22']:.4f}",
                f"{b['relative_cost_19']:.4f}",
                b["indexes"],
                b["estimated_bytes"] / mib,
                b["planner_calls"],
                f"{100 * b['cache_hit_rate']:.0f} %",
                b["advisor_s"],
            )
            for b in record["budgets"]
        ],
    )
    for b in record["budgets"]:
        if b["build_s"] is None:
            continue
        print_table(
            f"Chosen at {b['factor']:g} x lineitem: HypoPG estimate against the real build ({b['build_s']:.1f} s)",
            ("index", "est. MiB", "real MiB", "est. / real"),
            [
                (i["ddl"], i["estimated_bytes"] / mib, i["real_bytes"] / mib, i["estimated_bytes"] / i["real_bytes"])
                for i in b["chosen"]
            ],
        )
    timings = record["timings_s"]
    labels = list(timings)
    if not labels:
        return
    flagged = {name for names in record["slower_than_10pct"].values() for name in names}
    print_table(
        f"Real run time per query in s (timeout {record['timeout_s']:g} s; ! = more than 10 % slower)",
        ("query", *labels),
        [
            (
                name + (" !" if name in flagged else ""),
                *(_seconds(timings[label][name], record["timeout_s"]) for label in labels),
            )
            for name in timings["before"]
        ],
    )


def _factors(text: str) -> list[float]:
    return [float(part) for part in text.split(",") if part.strip()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench tpch", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="TPC-H scale factor (1 = 6M lineitems)")
    parser.add_argument("--budgets", default="0.25,0.5,1", help="budgets as multiples of lineitem's size")
    parser.add_argument("--measure", default="1", help="the budgets whose indexes are built and timed ('' = none)")
    parser.add_argument("--timeout-s", type=float, default=300.0, help="statement timeout of each timed query")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the JSON record goes")
    args = parser.parse_args(argv)
    record = run(args.scale, _factors(args.budgets), _factors(args.measure), args.timeout_s)
    saved = write_result("tpch", record, args.results)
    show(record)
    print(f"saved {saved}")
    return 0
