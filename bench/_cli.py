"""The benches' door to pgtune: `python3 -m pgtune analyze` as a subprocess, as a user runs it.

No bench builds pgtune's internal objects: it runs the CLI on a DSN (and workload files), reads its JSON
report and applies the CREATE INDEX statements of its recommendations' DDL to the server, as a user
reviewing the `--format sql` script (the same DDL, in the same order) would. One run gives both: a second
run on a live server may choose another set (its own collection moves the counters the first one read), and
the sizes the report estimated would then be set against indexes it did not choose. The DDL's other
statements (settings, partitioning migrations, the unique indexes those build for their new keys) are not
what the benches measure and are returned unapplied.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psycopg
from pglast.parser import split

ROOT = Path(os.environ.get("PGTUNE_BENCH_CHECKOUT") or Path(__file__).resolve().parent.parent)
"""The checkout whose pgtune runs: this one, or another (PGTUNE_BENCH_CHECKOUT) for before/after figures."""
# The index advice is never UNIQUE: a unique index in the script backs a partitioning migration's new key.
_CREATE_INDEX = re.compile(r"^\s*CREATE\s+INDEX\b", re.IGNORECASE)
_SECONDARY_INDEXES = """
SELECT i.indexrelid::regclass::text AS name, pg_relation_size(i.indexrelid) AS size_bytes
FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisprimary AND NOT i.indisunique
ORDER BY 1
"""


class AnalyzeFailed(RuntimeError):
    """`pgtune analyze` exited with a code other than 0 (ok) or 1 (findings at --fail-on)."""


@dataclass(frozen=True)
class Analysis:
    report: dict
    script: str
    """The recommendations' DDL, as `--format sql` lists it."""
    seconds: float
    """Wall time of the JSON run (collection, what-if and advisors)."""

    @property
    def create_index(self) -> list[str]:
        return [s for s in script_statements(self.script) if _CREATE_INDEX.match(s)]

    @property
    def not_applied(self) -> list[str]:
        return [s for s in script_statements(self.script) if not _CREATE_INDEX.match(s) and not _is_session(s)]


def run_cli(arguments: Sequence[str]) -> tuple[str, float]:
    """``python3 -m pgtune ARGS`` from this checkout; its stdout and wall time."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pgtune", *arguments], cwd=ROOT, env=env, capture_output=True, text=True
    )
    seconds = time.monotonic() - started
    if done.returncode not in (0, 1):
        raise AnalyzeFailed(f"pgtune {' '.join(arguments[:1])} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout, seconds


def analyze(dsn: str, *options: str) -> Analysis:
    """The JSON report of `pgtune analyze --dsn DSN OPTIONS` and its recommendations' DDL as one script."""
    text, seconds = run_cli(["analyze", "--dsn", dsn, "--fail-on", "critical", *options, "--format", "json"])
    report = json.loads(text)
    script = "\n".join(item["ddl"] for item in report["recommendations"] if item["ddl"])
    return Analysis(report, script, seconds)


def script_statements(script: str) -> list[str]:
    return [s.strip() for s in split(script) if s.strip()]


def _is_session(statement: str) -> bool:
    return statement.upper().startswith(("SET ", "RESET "))


def secondary_indexes(connection: psycopg.Connection) -> list[tuple[str, int]]:
    """Indexes other than primary keys and unique constraints, with their real sizes."""
    return [(row[0], row[1]) for row in connection.execute(_SECONDARY_INDEXES).fetchall()]


def replace_indexes(connection: psycopg.Connection, statements: Sequence[str], analyze: bool = True) -> int:
    """Drop every secondary index, run ``statements`` (autocommit, so CONCURRENTLY works), ANALYZE unless
    told not to; the new indexes' real size in bytes."""
    for name, _ in secondary_indexes(connection):
        connection.execute(f"DROP INDEX {name}")
    for statement in statements:
        connection.execute(statement)
    if analyze:
        connection.execute("ANALYZE")
    return sum(size for _, size in secondary_indexes(connection))
