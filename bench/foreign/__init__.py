"""A trading database pgtune was not tuned on: real workload time under no index, a senior DBA's set and
pgtune's defaults, through the CLI.

The schema, data and workload (``bench/foreign/``) are written by us but are not the exchange demo, and the
DBA's index set (``dba.sql``) was written before pgtune was first run on them. As on a fresh production
copy: the data is bulk-loaded on a new server whose statistics were never reset (stats_reset NULL), the
application's mix of statements is replayed (writes committed), and `python3 -m pgtune analyze --dsn …`
runs as a subprocess with no flag; its `--format sql` script's CREATE INDEX statements are what is built.
Each configuration then gets its own copy of the loaded database (``CREATE DATABASE … TEMPLATE``, so the
same rows, statistics and dead tuples), starting from the primary keys alone, with its indexes built there;
a second copy of the baseline measures the noise. Each template runs ``--repeat`` times with fixed
parameters (writes rolled back, their BEGIN and ROLLBACK not counted) and pg_stat_statements' server-side
time of each execution is read; the workload's cost is the templates' means weighted by template
frequency.

The configurations are measured interleaved: round r runs every template's r-th execution on each copy in
turn, the copies' order rotating from round to round. Measured one after another, a configuration had the
machine to itself or shared it with whatever ran then: between two runs of identical indexes the level of
all of one configuration's templates shifted together (the baseline's rerun 4–21 % off its first pass),
and that shift landed in the verdict. Interleaved, every configuration sees the same load within a round.

The verdict is the share of the DBA's improvement, log(baseline / pgtune) / log(baseline / DBA). Besides
the share of the means, it is computed for each round: round r takes every template's r-th execution, which
runs with the same parameters in every configuration, so a round is a paired sample of the whole weighted
workload. The median share over the rounds, with its quartiles and range, is the verdict: a spike from
another process on the machine moves one round, not the median (one 300 ms template of weight 1 had moved
the share of the means by 8 points between two runs of identical indexes).

    python -m bench foreign [--scale 1] [--repeat 10] [--statements 3000]
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from pathlib import Path

import psycopg
from pglast.parser import split

from bench._cli import analyze, replace_indexes
from bench.common import RESULTS, write_result
from bench.quality import TEMPLATE_TIME, show
from pgtune.demo.run import DATABASE, create_database, start_server

from .workload import TEMPLATES, Sizes, Template, executions, mix

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


def clone(cluster, name: str) -> str:
    """A copy of the loaded database under ``name``; its DSN."""
    with psycopg.connect(cluster.dsn(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {DATABASE}")
    return cluster.dsn(name)


def measure(
    connections: dict[str, psycopg.Connection], sizes: Sizes, repeat: int
) -> dict[str, dict[str, list[float]]]:
    """Each configuration's (connection's) execution times in ms per template, in the order of its fixed
    parameters, the configurations interleaved round by round in rotating order."""
    runs = {t.name: executions(t, repeat, SEED, sizes) for t in TEMPLATES}
    warm_up = {t.name: executions(t, 1, SEED + 1, sizes)[0] for t in TEMPLATES}
    times = {name: {t.name: [] for t in TEMPLATES} for name in connections}
    done = {}
    for name, connection in connections.items():
        connection.execute("SET pg_stat_statements.track_utility = off")
        # Each copy starts with its pages out of shared_buffers: one unmeasured pass with other parameters
        # reads in what every template touches, as the old single database had from the configuration before.
        for template in TEMPLATES:
            _execute(connection, template, warm_up[template.name])
        done[name] = _total_ms(connection)
    for r in range(repeat):
        for name in round_order(list(connections), r):
            connection = connections[name]
            for template in TEMPLATES:
                _execute(connection, template, runs[template.name][r])
                total_ms = _total_ms(connection)
                times[name][template.name].append(total_ms - done[name])
                done[name] = total_ms
    return times


def _execute(connection: psycopg.Connection, template: Template, params: tuple) -> None:
    if template.writes:
        with connection.transaction(force_rollback=True):
            connection.execute(template.sql, params)
    else:
        connection.execute(template.sql, params)


def round_order(names: list[str], r: int) -> list[str]:
    """Round r's order of the configurations: rotated by one each round, so none is always first or last."""
    return names[r % len(names) :] + names[: r % len(names)]


def _total_ms(connection: psycopg.Connection) -> float:
    return float(connection.execute(TEMPLATE_TIME).fetchone()[0])


def weighted_ms(means: dict[str, float]) -> float:
    weights = {t.name: t.weight for t in TEMPLATES}
    return sum(weights[name] * ms for name, ms in means.items()) / sum(weights[name] for name in means)


def means_of(times: dict[str, list[float]]) -> dict[str, float]:
    return {name: statistics.fmean(spent) for name, spent in times.items()}


def rounds_ms(times: dict[str, list[float]]) -> list[float]:
    """The weighted workload cost of each round: every template's execution of that round."""
    count = min(len(spent) for spent in times.values())
    return [weighted_ms({name: spent[r] for name, spent in times.items()}) for r in range(count)]


def share_pct(baseline_ms: float, ms: float, dba_ms: float) -> float | None:
    """This configuration's improvement as a share of the DBA's, in logs: 100 when equal to the DBA's."""
    if dba_ms >= baseline_ms:
        return None
    return 100 * math.log(baseline_ms / ms) / math.log(baseline_ms / dba_ms)


def spread(values: list[float]) -> dict[str, float]:
    """Median, quartiles and range: the verdict and how far the rounds scatter around it."""
    if len(values) == 1:
        return {"median": values[0], "q1": values[0], "q3": values[0], "min": values[0], "max": values[0]}
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return {"median": median, "q1": q1, "q3": q3, "min": min(values), "max": max(values)}


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
        plans = {"baseline": [], "dba": dba_indexes(), "pgtune": analysis.create_index, RERUN: []}
        connections, size_bytes = {}, {}
        try:
            for name, indexes in plans.items():
                connections[name] = psycopg.connect(clone(cluster, f"cfg_{_slug(name)}"), autocommit=True)
                size_bytes[name] = replace_indexes(connections[name], indexes)
            times = measure(connections, sizes, repeat)
        finally:
            for connection in connections.values():
                connection.close()
    finally:
        cluster.stop()
    measured = {
        name: {"indexes": indexes, "size_bytes": size_bytes[name], "times": times[name]}
        for name, indexes in plans.items()
        if name != RERUN
    }
    return _summary(scale, repeat, statements, load_s, stats_reset, analysis, measured, times[RERUN])


RERUN = "baseline (rerun)"
"""The baseline's second copy: what two copies of one configuration differ by is the bench's noise."""


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name)


def _summary(scale, repeat, statements, load_s, stats_reset, analysis, measured, rerun) -> dict:
    means = {name: means_of(m["times"]) for name, m in measured.items()}
    rounds = {name: rounds_ms(m["times"]) for name, m in measured.items()}
    baseline, dba = weighted_ms(means["baseline"]), weighted_ms(means["dba"])
    rows = []
    for name, m in measured.items():
        cost = weighted_ms(means[name])
        shares = [share_pct(b, c, d) for b, c, d in zip(rounds["baseline"], rounds[name], rounds["dba"], strict=True)]
        by_round = None if None in shares else spread(shares)
        rows.append(
            {
                "configuration": name,
                "indexes": len(m["indexes"]),
                "weighted_ms": cost,
                "times_cheaper": baseline / cost,
                "share_of_dba_log_pct": share_pct(baseline, cost, dba),
                "median_round_share_pct": by_round and by_round["median"],
                "round_share_of_dba_log_pct": by_round,
                "round_times_cheaper": spread([b / c for b, c in zip(rounds["baseline"], rounds[name], strict=True)]),
                "index_size_bytes": m["size_bytes"],
            }
        )
    again = weighted_ms(means_of(rerun))
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
        "baseline_rerun_ms": again,
        "noise_pct": 100 * abs(again - baseline) / baseline,
        "configurations": rows,
        "template_ms": means | {RERUN: means_of(rerun)},
        "round_ms": rounds,
        "round_order": [round_order([*measured, RERUN], r) for r in range(repeat)],
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
        {
            "× cheaper": "times_cheaper",
            "share of DBA's (log) %, of the means": "share_of_dba_log_pct",
            "median share over the rounds %": "median_round_share_pct",
        },
        TEMPLATES,
    )
    for row in result["configurations"]:
        if row["round_share_of_dba_log_pct"] and row["configuration"] != "baseline":
            share = row["round_share_of_dba_log_pct"]
            print(
                f"{row['configuration']}: median share of the DBA's improvement over {args.repeat} rounds "
                f"{share['median']:.1f} % (quartiles {share['q1']:.1f}–{share['q3']:.1f} %, "
                f"range {share['min']:.1f}–{share['max']:.1f} %)"
            )
    for ddl in result["indexes"]["pgtune"]:
        print(ddl)
    print(f"baseline rerun {result['baseline_rerun_ms']:.3f} ms: run-to-run noise {result['noise_pct']:.1f} %")
    print(f"written to {write_result('foreign', result, args.results)}")
    return 0
