"""Sizes against real builds for keys whose columns are correlated: a pair that repeats ten times although
each column alone looks nearly unique next to the other (real server, snapshot from pgtune's collector)."""

from __future__ import annotations

import pytest

from pgtune.collectors import CollectOptions, collect
from pgtune.db import connect
from pgtune.whatif.costing import PlannerCosts
from pgtune.whatif.hypopg import HypoPG
from pgtune.whatif.key_sample import SAMPLE_PAGES, KeySample, haas_stokes
from pgtune.whatif.sizing import corrected_size_bytes
from pgtune.whatif.spec import IndexKey, IndexSpec

from .builds import built_size_bytes

# As TPC-H's (l_partkey, l_suppkey): 20,000 parts, each from one of 40 suppliers, so 20,000 pairs for
# 200,000 rows, where the product of the columns' counts (800,000) says every pair is unique.
SCHEMA = """
CREATE TABLE line (id int PRIMARY KEY, part int NOT NULL, supplier int NOT NULL, note text NOT NULL);
INSERT INTO line SELECT g, g % 20000, (g % 20000) % 40, 'note ' || g FROM generate_series(1, 200000) g;
CREATE TABLE paired (LIKE line INCLUDING ALL);
INSERT INTO paired SELECT * FROM line;
-- Each pair's ten rows side by side: a sample of whole pages would take neighbours for repetition.
CREATE TABLE clustered (LIKE line INCLUDING ALL);
INSERT INTO clustered SELECT * FROM line ORDER BY part, id;
-- Half the rows on 1,000 busy accounts, the other half on 60,000 quiet ones seen once or a few times.
CREATE TABLE skewed AS SELECT g AS id, CASE WHEN g % 2 = 0 THEN g % 1000 ELSE 1000 + (g * 7919) % 60000 END AS account
FROM generate_series(1, 200000) g;
-- An int4 key before a timestamptz one, short varlena INCLUDE columns before a bigint: padding in between.
CREATE TABLE fills AS SELECT g::bigint AS id, g % 40 AS market, timestamptz '2026-01-01' + g * interval '1 s' AS at,
    ((g % 997) + 1)::numeric AS price, CASE WHEN g % 2 = 0 THEN 'buy' ELSE 'sell' END AS side
FROM generate_series(1, 200000) g;
-- Unique pairs: nothing to deduplicate.
CREATE TABLE unique_pairs (LIKE line INCLUDING ALL);
INSERT INTO unique_pairs SELECT id, id, id % 40, note FROM line;
CREATE STATISTICS paired_part_supplier (ndistinct) ON part, supplier FROM paired;
"""
PAIR = (IndexKey("part"), IndexKey("supplier"))


@pytest.fixture(scope="module")
def snapshot(database):
    database.execute(SCHEMA)
    database.execute("VACUUM ANALYZE line, paired, clustered, unique_pairs, skewed, fills")
    with connect(database.dsn) as session:
        return collect(session, CollectOptions(plans=False))


def _estimate_and_build(snapshot, database, spec: IndexSpec, sample_pages: int | None = None) -> tuple[int, int]:
    """pgtune's estimate as the advisor makes it (HypoPG's figure, then the key combination's count on up
    to ``sample_pages`` pages, counted on every row of a table no bigger; 0 = no count) and the size of the
    real build."""
    with connect(database.dsn) as session, HypoPG(session) as hypopg:
        hypopg_bytes = PlannerCosts(session, hypopg, snapshot).size_bytes(spec)
        sample = KeySample(session, snapshot, SAMPLE_PAGES if sample_pages is None else sample_pages)
        distinct = sample.distinct_keys(spec) if sample_pages != 0 else None
    return corrected_size_bytes(spec, hypopg_bytes, snapshot, distinct), built_size_bytes(database, spec)


def test_the_collector_reads_the_pairs_count_from_extended_statistics(snapshot):
    (statistics,) = [s for s in snapshot.extended_statistics if s.table == "paired"]
    ((group, count),) = statistics.distinct_counts
    assert set(group) == {"part", "supplier"} and 15000 < count < 25000


def test_a_repeated_pair_with_extended_statistics_is_sized_within_a_tenth_of_the_build(snapshot, database):
    """As on a table too big to count outright (no count taken): the statistics object's count decides."""
    estimate, real = _estimate_and_build(snapshot, database, IndexSpec("public", "paired", PAIR), sample_pages=0)
    assert 0.9 < estimate / real < 1.1, f"pgtune {estimate}, the build {real} bytes"


@pytest.mark.parametrize(
    "table, sample_pages",
    [("line", SAMPLE_PAGES), ("clustered", SAMPLE_PAGES), ("unique_pairs", SAMPLE_PAGES), ("line", 1200),
     ("unique_pairs", 1200)],
)
def test_a_pair_without_extended_statistics_is_sized_within_a_tenth(snapshot, database, table, sample_pages):
    """Each table has some 1,300 pages: counted outright under the default, sampled on 1,200 pages (as
    TPC-H SF1's lineitem is on the default's 10,000: some 60 pairs seen twice)."""
    estimate, real = _estimate_and_build(snapshot, database, IndexSpec("public", table, PAIR), sample_pages)
    assert 0.9 < estimate / real < 1.1, f"pgtune {estimate}, the build {real} bytes"


def test_a_sample_never_sizes_repeats_that_sit_on_one_page_below_the_build(snapshot, database):
    """One row a page cannot see a pair whose ten rows share a page: no repetition found, the estimate
    stays on the large side rather than taking neighbours for repetition across the table."""
    estimate, real = _estimate_and_build(snapshot, database, IndexSpec("public", "clustered", PAIR), 1200)
    assert 1.5 < estimate / real < 3.5, f"pgtune {estimate}, the build {real} bytes"


def test_a_skewed_key_of_a_table_small_enough_to_count_is_sized_within_a_tenth(snapshot, database):
    """ANALYZE puts 18,000 accounts where there are 30,500: on pg_stats' count the index came out 15 %
    under its build, and the budget with it."""
    spec = IndexSpec("public", "skewed", (IndexKey("account"),))
    estimate, real = _estimate_and_build(snapshot, database, spec)
    on_pg_stats, _ = _estimate_and_build(snapshot, database, spec, sample_pages=0)
    assert 0.9 < estimate / real < 1.1 and on_pg_stats < estimate, f"pgtune {estimate}, the build {real} bytes"


def test_padding_between_columns_is_counted(snapshot, database):
    """(int4, timestamptz) INCLUDE (numeric, text, bigint): 8 bytes of padding in a 56-byte tuple."""
    spec = IndexSpec("public", "fills", (IndexKey("market"), IndexKey("at")), include=("price", "side", "id"))
    estimate, real = _estimate_and_build(snapshot, database, spec)
    assert 0.95 < estimate / real < 1.05, f"pgtune {estimate}, the build {real} bytes"


def test_the_estimator_scales_repetition_seen_in_the_sample_and_gives_up_without_any():
    # 10,000 rows of 6,000,000, 62 pairs seen twice: TPC-H's (l_partkey, l_suppkey) has 800,000 pairs.
    assert 700_000 < haas_stokes(10_000, 9_938, 9_876, 6_000_000) < 900_000
    # One pair seen twice in 10,000 rows says next to nothing: no fewer combinations than rows sampled.
    assert haas_stokes(10_000, 9_999, 9_998, 6_000_000) > 1_000_000
    assert haas_stokes(10_000, 10_000, 10_000, 6_000_000) is None


def test_a_repeated_pair_without_any_count_is_sized_on_the_large_side(snapshot, database):
    """When the table cannot be sampled, the columns are taken for independent and no repetition is found:
    the estimate errs toward keeping the budget."""
    estimate, real = _estimate_and_build(snapshot, database, IndexSpec("public", "line", PAIR), sample_pages=0)
    assert 1.5 < estimate / real < 3.5, f"pgtune {estimate}, the build {real} bytes"


def test_a_repeated_pair_with_include_columns_is_not_deduplicated(snapshot, database):
    """nbtree keeps one tuple per row when an index has INCLUDE columns, however often its keys repeat."""
    spec = IndexSpec("public", "paired", PAIR, include=("id",))
    estimate, real = _estimate_and_build(snapshot, database, spec)
    plain_estimate, plain_real = _estimate_and_build(snapshot, database, IndexSpec("public", "paired", PAIR))
    assert 0.9 < estimate / real < 1.1, f"pgtune {estimate}, the build {real} bytes"
    assert real > 1.5 * plain_real and estimate > 1.5 * plain_estimate
