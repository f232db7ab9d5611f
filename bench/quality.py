"""How good are the indexes? The exchange workload's real execution time under each index configuration.

A configuration is a list of CREATE INDEX statements; pgtune's are those of the script `pgtune analyze
--format sql` writes, run as a subprocess on the loaded server as a user would. Each one is applied to the
same data (primary and
foreign keys only, all other indexes dropped), then every template runs ``--repeat`` times with fixed
seeded parameters (writes inside rolled-back transactions, so the data never changes) and
pg_stat_statements' server-side total_exec_time gives each template's mean. The workload's cost is
the mean weighted by the templates' frequencies. The baseline (no secondary index) is measured first
and last: the difference is the run-to-run noise.

    python -m bench quality [--scale 1] [--repeat 20]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import psycopg

from bench._cli import analyze, replace_indexes
from bench.common import RESULTS, print_table, write_result
from pgtune.demo.exchange import TEMPLATES, Sizes, expert_indexes, load, replay, statements
from pgtune.demo.exchange.workload import executions
from pgtune.demo.run import create_database, start_server

# A configuration gets the DSN of the loaded database, its workload replayed into pg_stat_statements
# and no secondary index, and returns the CREATE INDEX statements it recommends.
Configuration = Callable[[str], list[str]]


def pgtune_indexes(dsn: str) -> list[str]:
    """The CREATE INDEX statements of `pgtune analyze --format sql` on the replayed workload, with defaults."""
    return analyze(dsn).create_index


CONFIGURATIONS: dict[str, Configuration] = {
    "expert": lambda dsn: expert_indexes(),
    "pgtune": pgtune_indexes,
}

SEED = 11
REPLAYED_STATEMENTS = 1000

# The bench owns its server, so its few catalog queries sit here rather than in pgtune's sql/.
TEMPLATE_TIME = """
SELECT coalesce(sum(total_exec_time), 0) FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND query NOT LIKE '%pg_stat_statements%'
"""


def measure(connection: psycopg.Connection, sizes: Sizes, repeat: int) -> dict[str, float]:
    """Each template's mean server-side execution time in ms over ``repeat`` fixed executions."""
    return time_templates(
        connection,
        (
            (t.name, t.writes, [(item.sql, item.params) for item in executions(t, repeat, SEED, sizes)])
            for t in TEMPLATES
        ),
    )


def time_templates(
    connection: psycopg.Connection, templates: Iterable[tuple[str, bool, list[tuple[str, tuple]]]]
) -> dict[str, float]:
    """(name, writes, executions) → the name's mean server-side time in ms (see ``execution_ms``)."""
    return {name: sum(times) / max(len(times), 1) for name, times in execution_ms(connection, templates).items()}


def execution_ms(
    connection: psycopg.Connection, templates: Iterable[tuple[str, bool, list[tuple[str, tuple]]]]
) -> dict[str, list[float]]:
    """(name, writes, executions) → each execution's server-side time in ms, in order: pg_stat_statements'
    total_exec_time read after every execution (reset before each template). Writes run in transactions
    that are rolled back, so the data never changes; the session tracks no utility statement, so their
    BEGIN and ROLLBACK are not counted as executions of the template."""
    connection.execute("SET pg_stat_statements.track_utility = off")
    times = {}
    for name, writes, runs in templates:
        connection.execute("SELECT pg_stat_statements_reset()")
        spent, done = [], 0.0
        for sql, params in runs:
            if writes:
                with connection.transaction(force_rollback=True):
                    connection.execute(sql, params)
            else:
                connection.execute(sql, params)
            total_ms = float(connection.execute(TEMPLATE_TIME).fetchone()[0])
            spent.append(total_ms - done)
            done = total_ms
        times[name] = spent
    return times


def weighted_ms(means: dict[str, float]) -> float:
    """The workload's mean statement time: template means weighted by template frequency."""
    weights = {t.name: t.weight for t in TEMPLATES}
    return sum(weights[name] * ms for name, ms in means.items()) / sum(weights[name] for name in means)


apply = replace_indexes


def run(scale: float, repeat: int, configurations: dict[str, Configuration]) -> dict:
    sizes = Sizes.for_scale(scale)
    cluster = start_server({"pg_stat_statements.track_utility": "off"})
    try:
        dsn = create_database(cluster)
        with psycopg.connect(dsn, autocommit=True) as connection:
            started = time.monotonic()
            load(connection, sizes)
            load_s = time.monotonic() - started
            replay(connection, statements(REPLAYED_STATEMENTS, SEED, sizes))
            connection.execute("VACUUM ANALYZE")
            plans = {"baseline": []} | {name: recommend(dsn) for name, recommend in configurations.items()}
            measured = {}
            for name, indexes in plans.items():
                size_bytes = apply(connection, indexes)
                measured[name] = {
                    "indexes": indexes,
                    "size_bytes": size_bytes,
                    "means": measure(connection, sizes, repeat),
                }
            apply(connection, [])
            rerun = measure(connection, sizes, repeat)
    finally:
        cluster.stop()
    return _summary(scale, repeat, load_s, measured, rerun)


def _summary(scale: float, repeat: int, load_s: float, measured: dict, rerun: dict[str, float]) -> dict:
    baseline = weighted_ms(measured["baseline"]["means"])
    again = weighted_ms(rerun)
    expert_gain = baseline - weighted_ms(measured["expert"]["means"]) if "expert" in measured else None
    rows = []
    for name, m in measured.items():
        cost = weighted_ms(m["means"])
        gain = baseline - cost
        rows.append(
            {
                "configuration": name,
                "indexes": len(m["indexes"]),
                "weighted_ms": cost,
                "improvement_pct": 100 * gain / baseline,
                "share_of_expert_pct": 100 * gain / expert_gain if expert_gain else None,
                "index_size_bytes": m["size_bytes"],
            }
        )
    return {
        "scale": scale,
        "repeat": repeat,
        "load_s": load_s,
        "baseline_rerun_ms": again,
        "noise_pct": 100 * abs(again - baseline) / baseline,
        "configurations": rows,
        "template_ms": {name: m["means"] for name, m in measured.items()} | {"baseline (rerun)": rerun},
        "indexes": {name: m["indexes"] for name, m in measured.items()},
    }


def show(result: dict, title: str, measures: dict[str, str], templates) -> None:
    """The configurations' table (with ``measures``: heading → record key) and the per-template means."""
    print_table(
        title,
        ("configuration", "indexes", "weighted ms", *measures, "index MB"),
        [
            (
                r["configuration"],
                r["indexes"],
                r["weighted_ms"],
                *(r[key] for key in measures.values()),
                r["index_size_bytes"] / 2**20,
            )
            for r in result["configurations"]
        ],
    )
    names = list(result["template_ms"])
    print_table(
        "mean ms per template",
        ("template", "weight", *names),
        [(t.name, t.weight, *(result["template_ms"][n][t.name] for n in names)) for t in templates],
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench quality", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="exchange data volume (1: 3M trades)")
    parser.add_argument("--repeat", type=int, default=20, help="executions of each template per configuration")
    parser.add_argument("--results", type=Path, default=RESULTS, help="directory of the JSON record")
    args = parser.parse_args(argv)
    result = run(args.scale, args.repeat, CONFIGURATIONS)
    show(
        result,
        f"workload cost, scale {args.scale:g}, {args.repeat} runs per template",
        {"improvement %": "improvement_pct", "share of expert %": "share_of_expert_pct"},
        TEMPLATES,
    )
    print(f"baseline rerun {result['baseline_rerun_ms']:.3f} ms: run-to-run noise {result['noise_pct']:.1f} %")
    print(f"written to {write_result('quality', result, args.results)}")
    return 0
