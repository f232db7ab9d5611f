"""``python -m bench parse [--statements N]``: model N distinct statements with ``model_workload``.

The statements are variants of the test corpus (tests/query/corpus): each variant renames the tables a
template reads (so every fingerprint is new) and every other variant has its literals replaced by ``$n``
parameters, as pg_stat_statements shows them."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pglast import ast, parser
from pglast.stream import RawStream
from pglast.visitors import Visitor

from bench.common import print_table, write_result
from pgtune.query import fingerprint, model_workload, redact_literals
from pgtune.query.model import Catalog, StatementKind

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "query" / "corpus"


class _Relations(Visitor):
    """The table references of a statement that are not references to its own CTEs."""

    def __init__(self) -> None:
        self.tables: list[ast.RangeVar] = []
        self.ctes: set[str] = set()

    def visit_CommonTableExpr(self, ancestors, node):
        self.ctes.add(node.ctename)

    def visit_RangeVar(self, ancestors, node):
        self.tables.append(node)


def templates() -> list[tuple[ast.Node, list[ast.RangeVar], list[str]]]:
    """Each corpus statement that models to a shape reading a table, parsed once, with its renamable tables."""
    found = []
    for path in sorted(CORPUS.glob("*.json")):
        for case in json.loads(path.read_text()):
            if "kind" not in case["expect"] or case["expect"]["kind"] == StatementKind.UTILITY.value:
                continue
            node = parser.parse_sql(case["sql"])[0].stmt
            relations = _Relations()
            relations(node)
            tables = [t for t in relations.tables if t.relname not in relations.ctes]
            if tables:
                found.append((node, tables, [t.relname for t in tables]))
    return found


def statements(count: int) -> list[tuple[int | None, str]]:
    pool = templates()
    generated = []
    for index in range(count):
        node, tables, names = pool[index % len(pool)]
        variant = index // len(pool)
        for table, name in zip(tables, names, strict=True):
            table.relname = f"{name}_v{variant}"
        text = RawStream()(node)
        generated.append((None, redact_literals(text) if variant % 2 else text))
    return generated


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(prog="python -m bench parse", description=__doc__.splitlines()[0])
    options.add_argument("--statements", type=int, nargs="+", default=[100, 1_000, 10_000])
    options.add_argument("--results", type=Path, default=None, help="directory for parse.json (bench/results)")
    args = options.parse_args(argv)
    rows, runs = [], []
    for count in args.statements:
        workload = statements(count)
        distinct = len({fingerprint(text) for _, text in workload})
        started, cpu_started = time.perf_counter(), time.process_time()
        # A catalog of its own per run: the model's cache (kept per catalog) starts empty each time.
        model = model_workload(workload, Catalog())
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        run = {
            "statements": count,
            "distinct_fingerprints": distinct,
            "seconds": round(seconds, 3),
            "cpu_seconds": round(cpu_seconds, 3),
            "statements_per_s": round(count / seconds) if seconds else None,
            "failures": len(model.failures),
        }
        runs.append(run)
        rows.append(list(run.values()))
    columns = ["statements", "distinct fingerprints", "seconds", "CPU seconds", "statements/s", "failures"]
    print_table("query model: parse and model (one process; CPU seconds discount a busy machine)", columns, rows)
    path = write_result("parse", {"runs": runs}, args.results)
    print(f"wrote {path}")
    return 0
