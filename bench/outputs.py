"""Are two checkouts' CLI outputs the same? The guard of a refactor that must not change behaviour.

One throwaway server (autovacuum off, so statistics cannot move between runs) gets the exchange demo
(loaded and replayed) and TPC-H SF 0.01 with its 22 queries as a workload file, a database nobody here
wrote. Then every command below runs as a user runs it (`python3 -m pgtune …` as a subprocess, from each
checkout in turn), and the first checkout runs everything again after the second: a line that differs
between its own two runs is noise (a timestamp, an age, a duration) and is compared with numbers masked.
Inputs that are themselves written by pgtune (the snapshot file, the history store) are written once, by
the first checkout, and read by both.

    python -m bench outputs --checkout BEFORE --checkout AFTER [--scale 0.02] [--keep-diffs DIR]
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg

from bench.common import print_table, write_result
from pgtune.demo.exchange import Sizes, load, replay, statements
from pgtune.demo.run import create_database, start_server

HERE = Path(__file__).resolve().parent
TPCH = HERE / "tpch"
TPCH_DATA = HERE.parent / "tests" / "corpora" / "tpch_data.sql"
GATE_CORPUS = HERE / "gate_corpus"
REPLAYED = 600
SEED = 20
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


@dataclass(frozen=True)
class Output:
    exit_code: int
    stdout: str
    stderr: str

    def text(self) -> list[str]:
        return [f"exit {self.exit_code}", *self.stdout.splitlines(), "--- stderr", *self.stderr.splitlines()]


def run(checkout: Path, arguments: list[str]) -> Output:
    env = {**os.environ, "PYTHONPATH": str(checkout), "PGTUNE_DEBUG": ""}
    done = subprocess.run(
        [sys.executable, "-m", "pgtune", *arguments], cwd=checkout, env=env, capture_output=True, text=True
    )
    return Output(done.returncode, done.stdout, done.stderr)


def commands(exchange: str, tpch: str, work: Path) -> dict[str, list[str]]:
    """Name → arguments. Paths are absolute, so every checkout reads the same inputs."""
    queries = str(TPCH / "queries.sql")
    migration = work / "migration.sql"
    migration.write_text("ALTER TABLE trades ADD COLUMN note text DEFAULT 'x';\nDROP INDEX trades_pkey;\n")
    gate_parts = [
        str(part) for part in sorted(GATE_CORPUS.iterdir()) if part.is_dir() and not part.name.startswith("_")
    ]
    tpch_file = ["analyze", "--dsn", tpch, "--workload", queries]
    named = {
        **{
            f"analyze exchange {f}": ["analyze", "--dsn", exchange, "--format", f]
            for f in ("text", "markdown", "json", "html", "sql", "prometheus")
        },
        **{f"analyze tpch --workload {f}": [*tpch_file, "--format", f] for f in ("markdown", "json", "sql")},
        "analyze tpch --budget 10% --top 5": [*tpch_file, "--budget", "10%", "--top", "5", "--format", "json"],
        "analyze --snapshot json": ["analyze", "--snapshot", str(work / "exchange.json"), "--format", "json"],
        "analyze --snapshot markdown": ["analyze", "--snapshot", str(work / "exchange.json"), "--format", "markdown"],
        "doctor exchange json": ["doctor", "--dsn", exchange, "--format", "json"],
        "rules": ["rules"],
        "rules IX001": ["rules", "IX001"],
        "rules MG021": ["rules", "MG021"],
        "check migration --dsn": ["check", str(migration), "--dsn", exchange, "--format", "json"],
        **{
            f"check gate corpus {f}": ["check", *gate_parts, "--format", f]
            for f in ("text", "json", "github", "sarif", "junit")
        },
        **{
            f"report {f}": ["report", *_history(work), "--since", "30d", "--format", f]
            for f in ("markdown", "json", "html", "prometheus")
        },
        "error: bad budget": ["analyze", "--dsn", exchange, "--budget", "lots"],
        "error: unreachable": ["analyze", "--dsn", "host=127.0.0.1 port=1 password=s3cret connect_timeout=2"],
        "error: missing workload": ["analyze", "--dsn", exchange, "--workload", str(work / "absent.sql")],
        "error: check missing file": ["check", str(work / "absent.sql")],
    }
    return named


def _history(work: Path) -> list[str]:
    return ["--store", f"sqlite:///{work / 'history.db'}", "--server", "exchange"]


def prepare(checkout: Path, exchange: str, work: Path) -> None:
    """The inputs pgtune writes itself, written once by the first checkout."""
    for arguments in (
        ["snapshot", "--dsn", exchange, "--output", str(work / "exchange.json")],
        ["analyze", "--dsn", exchange, *_history(work), "--format", "json"],
        ["analyze", "--dsn", exchange, *_history(work), "--format", "json"],
    ):
        done = run(checkout, arguments)
        if done.exit_code not in (0, 1):
            raise SystemExit(f"preparing with {checkout}: pgtune {arguments[0]} exited {done.exit_code}: {done.stderr}")


def load_server(cluster, scale: float) -> tuple[str, str]:
    exchange = create_database(cluster)
    with psycopg.connect(exchange, autocommit=True) as connection:
        sizes = Sizes.for_scale(scale)
        load(connection, sizes)
        replay(connection, statements(REPLAYED, SEED, sizes))
        connection.execute("VACUUM ANALYZE")
    with psycopg.connect(cluster.dsn(), autocommit=True) as admin:
        admin.execute("CREATE DATABASE tpch")
    tpch = cluster.dsn("tpch")
    with psycopg.connect(tpch, autocommit=True) as connection:
        for name in ("pg_stat_statements", "hypopg"):
            connection.execute(f"CREATE EXTENSION {name}")
        connection.execute((TPCH / "schema.sql").read_text())
        connection.execute(TPCH_DATA.read_text())
        connection.execute("VACUUM ANALYZE")
    return exchange, tpch


def _masked(line: str) -> str:
    return _NUMBER.sub("#", line)


def compare(before: list[str], again: list[str], after: list[str]) -> tuple[int, list[str]]:
    """Lines where AFTER differs from the nearer of BEFORE and its own rerun AGAIN (run after AFTER, so a
    figure that only drifts with time is bracketed), once the lines that differed between BEFORE and AGAIN
    are compared with their numbers masked; the count and the unified diff."""
    noisy = set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=again, autojunk=False).get_opcodes():
        if tag != "equal":
            noisy |= {_masked(line) for line in (*before[i1:i2], *again[j1:j2])}

    def normal(lines: list[str]) -> list[str]:
        return [_masked(line) if _masked(line) in noisy else line for line in lines]

    def changes(reference: list[str], other: list[str]) -> int:
        opcodes = difflib.SequenceMatcher(a=reference, b=other, autojunk=False).get_opcodes()
        return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")

    other = normal(after)
    changed, nearer = min((changes(normal(lines), other), normal(lines)) for lines in (before, again))
    diff = list(difflib.unified_diff(nearer, other, "before", "after", lineterm="", n=1)) if changed else []
    return changed, diff


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench outputs", description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", action="append", type=Path, required=True, help="twice: before, after")
    parser.add_argument("--scale", type=float, default=0.02)
    parser.add_argument("--keep-diffs", type=Path)
    args = parser.parse_args(argv)
    if len(args.checkout) != 2:
        parser.error("give --checkout twice: before and after")
    before, after = (c.resolve() for c in args.checkout)
    cluster = start_server({"autovacuum": "off", "pg_stat_statements.track_utility": "off"})
    rows, differing = [], {}
    try:
        exchange, tpch = load_server(cluster, args.scale)
        with tempfile.TemporaryDirectory(prefix="pgtune-outputs-") as directory:
            work = Path(directory)
            prepare(before, exchange, work)
            for name, arguments in commands(exchange, tpch, work).items():
                first, other, second = run(before, arguments), run(after, arguments), run(before, arguments)
                changed, diff = compare(first.text(), second.text(), other.text())
                noise = sum(a != b for a, b in zip(first.text(), second.text(), strict=False))
                rows.append([name, first.exit_code, other.exit_code, len(first.text()), noise, changed])
                if diff:
                    differing[name] = diff
    finally:
        cluster.stop()
    print_table(
        f"CLI outputs, {before.name} (before) against {after.name} (after)",
        ["command", "exit before", "exit after", "lines", "noisy lines (own rerun)", "changed lines"],
        rows,
    )
    if args.keep_diffs:
        args.keep_diffs.mkdir(parents=True, exist_ok=True)
        for name, diff in differing.items():
            (args.keep_diffs / (name.replace(" ", "_").replace("/", "_") + ".diff")).write_text("\n".join(diff) + "\n")
    write_result("outputs", {"before": str(before), "after": str(after), "rows": rows})
    return 1 if differing else 0
