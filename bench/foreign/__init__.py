"""A trading database pgtune was not tuned on: real workload time under no index, a senior DBA's set and
pgtune's defaults, through the CLI.

The schema, data and workload (``bench/foreign/``) are written by us but are not the exchange demo, and the
DBA's index set (``dba.sql``) was written before pgtune was first run on them. As on a fresh production
copy: the data is bulk-loaded on a new server whose statistics were never reset (stats_reset NULL), the
application's mix of statements is replayed (writes committed), and `python3 -m pgtune analyze --dsn …`
runs as a subprocess with no flag; its `--format sql` script's CREATE INDEX statements are what is built.
Every configuration then starts from the primary keys alone; each template runs ``--repeat`` times with
fixed parameters (writes rolled back) and pg_stat_statements' server-side time gives its mean; the
workload's cost is the mean weighted by template frequency. The baseline is measured first and last.

    python -m bench foreign [--scale 1] [--repeat 10] [--statements 3000]
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import psycopg
from pglast.parser import split

from bench._cli import analyze, replace_indexes
from bench.common import RESULTS, write_result
from bench.quality import show, time_templates
from pgtune.demo.run import create_database, start_server

from .workload import TEMPLATES, Sizes, executions, mix

HERE = Path(__file__).resolve().parent
SEED = 23


def dba_indexes() -> list[str]:
    return [s.strip() for s in split((HERE / "dba.sql").read_text()) if s.strip()]


def load(connection: psycopg.Connection, sizes: Sizes) -> None:
    connection.execute((HERE / "schema.sql").read_text())
    for statement in split((HERE / "generate.sql").read_text().format(**sizes.placeholders())):
        connection.execute(statement)
    connection.execute("VACUUM ANALYZE")


def replay(connection: psycopg.Connection, count: int, sizes: Sizes) -> None:
    """The application's statements, writes committed: what pg_stat_statements holds when pgtune looks."""
    for template, params in mix(count, SEED, sizes):
        connection.execute(template.sql, params)


def measure(connection: psycopg.Connection, sizes: Sizes, repeat: int) -> dict[str, float]:
    return time_templates(
        connection,
        ((t.name, t.writes, [(t.sql, p) for p in executions(t, repeat, SEED, sizes)]) for t in TEMPLATES),
    )


def weighted_ms(means: dict[str, float]) -> float:
    weights = {t.name: t.weight for t in TEMPLATES}
    return sum(weights[name] * ms for name, ms in means.items()) / sum(weights[name] for name in means)


def run(scale: float, repeat: int, statements: int) -> dict:
    sizes = Sizes.for_scale(scale)
    cluster = start_server()
    try:
        dsn = create_database(cluster)
        with psycopg.connect(dsn, autocommit=True) as connection:
            started = time.monotonic()
            load(connection, sizes)
            load_s = time.monotonic() - started
            replay(connection, statements, sizes)
            connection.execute("ANALYZE")
            stats_reset = connection.execute(
                "SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()"
            ).fetchone()[0]
            analysis = analyze(dsn)
            plans = {"baseline": [], "dba": dba_indexes(), "pgtune": analysis.create_index}
            measured = {}
            for name, indexes in plans.items():
                size_bytes = replace_indexes(connection, indexes)
                means = measure(connection, sizes, repeat)
                measured[name] = {"indexes": indexes, "size_bytes": size_bytes, "means": means}
            replace_indexes(connection, [])
            rerun = measure(connection, sizes, repeat)
    finally:
        cluster.stop()
    return _summary(scale, repeat, statements, load_s, stats_reset, analysis, measured, rerun)


def _summary(scale, repeat, statements, load_s, stats_reset, analysis, measured, rerun) -> dict:
    baseline = weighted_ms(measured["baseline"]["means"])
    dba_ratio = baseline / weighted_ms(measured["dba"]["means"])
    rows = []
    for name, m in measured.items():
        cost = weighted_ms(m["means"])
        ratio = baseline / cost
        rows.append(
            {
                "configuration": name,
                "indexes": len(m["indexes"]),
                "weighted_ms": cost,
                "times_cheaper": ratio,
                "share_of_dba_log_pct": 100 * math.log(ratio) / math.log(dba_ratio) if dba_ratio > 1 else None,
                "index_size_bytes": m["size_bytes"],
            }
        )
    return {
        "scale": scale,
        "repeat": repeat,
        "statements_replayed": statements,
        "load_s": load_s,
        "stats_reset": stats_reset,
        "pgtune_s": analysis.seconds,
        "pgtune_whatif": analysis.report.get("whatif"),
        "pgtune_partitioning": [
            {"rule": f["rule"], "message": f["message"], "evidence": f["evidence"]}
            for f in analysis.report["recommendations"] + analysis.report["findings"]
            if f["rule"].startswith("PT")
        ],
        "pgtune_not_applied": analysis.not_applied,
        "pgtune_skipped": analysis.report["skipped"],
        "baseline_rerun_ms": weighted_ms(rerun),
        "noise_pct": 100 * abs(weighted_ms(rerun) - baseline) / baseline,
        "configurations": rows,
        "template_ms": {name: m["means"] for name, m in measured.items()} | {"baseline (rerun)": rerun},
        "indexes": {name: m["indexes"] for name, m in measured.items()},
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench foreign", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="data volume (1: 3M trades, 1.5M orders)")
    parser.add_argument("--repeat", type=int, default=10, help="executions of each template per configuration")
    parser.add_argument("--statements", type=int, default=3000, help="statements replayed before the analysis")
    parser.add_argument("--results", type=Path, default=RESULTS, help="directory of the JSON record")
    args = parser.parse_args(argv)
    result = run(args.scale, args.repeat, args.statements)
    show(
        result,
        f"foreign trading workload, scale {args.scale:g}, {args.repeat} runs per template "
        f"(stats_reset {result['stats_reset'] or 'NULL'})",
        {"× cheaper": "times_cheaper", "share of DBA's (log) %": "share_of_dba_log_pct"},
        TEMPLATES,
    )
    for ddl in result["indexes"]["pgtune"]:
        print(ddl)
    print(f"baseline rerun {result['baseline_rerun_ms']:.3f} ms: run-to-run noise {result['noise_pct']:.1f} %")
    print(f"written to {write_result('foreign', result, args.results)}")
    return 0
