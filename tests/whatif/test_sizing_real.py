"""Sizes against real builds for keys whose columns are correlated: a pair that repeats ten times although
each column alone looks nearly unique next to the other (real server, snapshot from pgtune's collector)."""

from __future__ import annotations

import pytest

from pgtune.collectors import CollectOptions, collect
from pgtune.db import connect
from pgtune.whatif.costing import PlannerCosts
from pgtune.whatif.hypopg import HypoPG
from pgtune.whatif.sizing import corrected_size_bytes
from pgtune.whatif.spec import IndexKey, IndexSpec

# As TPC-H's (l_partkey, l_suppkey): 20,000 parts, each from one of 40 suppliers, so 20,000 pairs for
# 200,000 rows, where the product of the columns' counts (800,000) says every pair is unique.
SCHEMA = """
CREATE TABLE line (id int PRIMARY KEY, part int NOT NULL, supplier int NOT NULL, note text NOT NULL);
INSERT INTO line SELECT g, g % 20000, (g % 20000) % 40, 'note ' || g FROM generate_series(1, 200000) g;
CREATE TABLE paired (LIKE line INCLUDING ALL);
INSERT INTO paired SELECT * FROM line;
CREATE STATISTICS paired_part_supplier (ndistinct) ON part, supplier FROM paired;
"""
PAIR = (IndexKey("part"), IndexKey("supplier"))


@pytest.fixture(scope="module")
def snapshot(database):
    database.execute(SCHEMA)
    database.execute("VACUUM ANALYZE line, paired")
    with connect(database.dsn) as session:
        return collect(session, CollectOptions(plans=False))


def _estimate_and_build(snapshot, database, spec: IndexSpec) -> tuple[int, int]:
    with connect(database.dsn) as session, HypoPG(session) as hypopg:
        hypopg_bytes = PlannerCosts(session, hypopg, snapshot).size_bytes(spec)
    database.execute(spec.create_sql(concurrently=False))
    try:
        with database.connect() as conn:
            real = conn.execute("SELECT pg_relation_size(%s::regclass)", (spec.name(),)).fetchone()[0]
    finally:
        database.execute(f"DROP INDEX {spec.name()}")
    return corrected_size_bytes(spec, hypopg_bytes, snapshot), real


def test_the_collector_reads_the_pairs_count_from_extended_statistics(snapshot):
    (statistics,) = [s for s in snapshot.extended_statistics if s.table == "paired"]
    ((group, count),) = statistics.distinct_counts
    assert set(group) == {"part", "supplier"} and 15000 < count < 25000


def test_a_repeated_pair_with_extended_statistics_is_sized_within_a_tenth_of_the_build(snapshot, database):
    estimate, real = _estimate_and_build(snapshot, database, IndexSpec("public", "paired", PAIR))
    assert 0.9 < estimate / real < 1.1, f"pgtune {estimate}, the build {real} bytes"


def test_a_repeated_pair_without_its_count_is_sized_on_the_large_side(snapshot, database):
    """Taking the columns for independent finds no repetition: the estimate errs toward keeping the budget."""
    estimate, real = _estimate_and_build(snapshot, database, IndexSpec("public", "line", PAIR))
    assert 1.5 < estimate / real < 3.5, f"pgtune {estimate}, the build {real} bytes"


def test_a_repeated_pair_with_include_columns_is_not_deduplicated(snapshot, database):
    """nbtree keeps one tuple per row when an index has INCLUDE columns, however often its keys repeat."""
    spec = IndexSpec("public", "paired", PAIR, include=("id",))
    estimate, real = _estimate_and_build(snapshot, database, spec)
    plain_estimate, plain_real = _estimate_and_build(snapshot, database, IndexSpec("public", "paired", PAIR))
    assert 0.9 < estimate / real < 1.1, f"pgtune {estimate}, the build {real} bytes"
    assert real > 1.5 * plain_real and estimate > 1.5 * plain_estimate
