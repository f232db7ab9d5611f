"""How many distinct combinations several key columns hold, counted on a sample of the table.

pg_stats counts each column alone, and the product of those counts takes correlated columns for
independent ones: TPC-H's (l_partkey, l_suppkey) holds 800,000 pairs in 6,000,000 rows, each repeated 7.5
times, while the product (200,000 × 10,000) says every pair is unique. nbtree stores the repetition once
per posting list, so the index is half the size the product implies. Without a CREATE STATISTICS object on
the columns, the count comes from the table: counted outright when it has at most ``SAMPLE_PAGES`` pages
(as many as ANALYZE reads at statistics target 33), else on one row of each of ``SAMPLE_PAGES`` pages
picked at random (rows of one page are often neighbours in key order and would pass for repetition), scaled
up by the Haas-Stokes estimator ANALYZE uses for a column's n_distinct.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import psycopg
from psycopg import sql

from ..db import Session
from ..facts import Snapshot
from ..resources import data_dir, sql_text
from .spec import IndexSpec

SAMPLE_PAGES = 10_000
# In sql/ beside the catalog queries, so the statements collector knows them as pgtune's own (not workload) in
# pg_stat_statements where tracking cannot be turned off.
_COUNT = sql_text(data_dir("sql") / "key_count.sql")
_SAMPLE = sql_text(data_dir("sql") / "key_sample.sql")


@dataclass(frozen=True)
class KeyCount:
    distinct: float
    exact: bool
    """Counted on every row; otherwise scaled up from a sample."""


class KeySample:
    """Counts per table and set of key columns, each taken once per run."""

    def __init__(self, session: Session, snapshot: Snapshot, sample_pages: int = SAMPLE_PAGES) -> None:
        self.session = session
        self.snapshot = snapshot
        self.sample_pages = sample_pages
        self._counts: dict[tuple[str, str, frozenset[str]], KeyCount | None] = {}

    def distinct_keys(self, spec: IndexSpec) -> KeyCount | None:
        """None for expression keys, partial indexes (the count would include rows the index leaves out),
        tables the count cannot read, and one key column of a table too big to count outright: pg_stats has
        its estimate, from three times the rows a sample here would see."""
        table = self.snapshot.table(spec.schema, spec.table)
        if spec.method != "btree" or spec.predicate or not all(k.column for k in spec.keys) or table is None:
            return None
        if table.relpages <= 0 or table.reltuples <= 0 or (len(spec.keys) == 1 and table.relpages > self.sample_pages):
            return None
        key = (spec.schema, spec.table, frozenset(k.column for k in spec.keys))
        if key not in self._counts:
            self._counts[key] = self._count(spec, table.relpages, table.reltuples)
        return self._counts[key]

    def _count(self, spec: IndexSpec, pages: int, rows: float) -> KeyCount | None:
        columns = sql.SQL(", ").join(sql.Identifier(c) for c in sorted({k.column for k in spec.keys}))
        names = {"columns": columns, "table": sql.Identifier(spec.schema, spec.table)}
        try:
            if pages <= self.sample_pages:
                # A sample would read every page: counting every row costs no more, and pg_stats' own
                # estimate runs a third low on skewed keys (the exchange demo's ledger account ids).
                return KeyCount(float(self.session.scalar(sql.SQL(_COUNT).format(**names))), exact=True)
            (row,) = self.session.rows(sql.SQL(_SAMPLE).format(**names), (100.0 * self.sample_pages / pages,))
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.QueryCanceled):
            return None
        estimate = haas_stokes(int(row["sampled"]), row["groups"], row["once"], rows)
        return None if estimate is None else KeyCount(estimate, exact=False)


def haas_stokes(sampled: int, groups: int, once: int, total_rows: float) -> float | None:
    """Distinct values of ``total_rows`` from a sample of ``sampled`` rows holding ``groups`` distinct ones,
    ``once`` of them seen once (analyze.c's Duj1), with the rows seen repeated taken one standard deviation
    (of their Poisson count) lower than seen: a few repeats in a small sample, by chance more than the
    table's, would otherwise shrink the index below its build and the budget with it. None when nothing
    repeats: every combination may be unique, and the sample says nothing the columns' counts do not."""
    repeated = max(0.0, sampled - once - math.sqrt(sampled - once)) if sampled > 0 else 0.0
    if repeated <= 0:
        return None
    estimate = sampled * groups / (repeated + once * sampled / total_rows)
    return min(max(estimate, float(groups)), total_rows)
