"""Hypothetical plans priced as the built indexes will run them: the B-tree descent HypoPG leaves out, and
repeated lookups through a new index inside a nested loop (real server, snapshot from pgtune's collector)."""

from __future__ import annotations

import math

import pytest

from pgtune.collectors import collect
from pgtune.db import connect
from pgtune.facts import PlanNode
from pgtune.query.model import QualifiedName
from pgtune.whatif.costing import PlannerCosts
from pgtune.whatif.hypopg import HypoPG
from pgtune.whatif.plan_price import pages_fetched, scans_with_loops
from pgtune.whatif.sizing import btree_height
from pgtune.whatif.spec import IndexKey, IndexSpec

from .shapes import pred, statement

CHILD = QualifiedName("public", "fan_child")
PARENT = QualifiedName("public", "fan_parent")
SCHEMA = """
CREATE TABLE fan_parent (id int PRIMARY KEY, grp int NOT NULL);
INSERT INTO fan_parent SELECT g, g FROM generate_series(1, 5000) g;
-- The same 1,000,000 rows twice over: each group's 250 rows on consecutive pages, and 20 rows of each
-- group scattered over the whole table.
CREATE TABLE fan_child AS SELECT g / 250 AS grp, ((g::bigint * 7919) % 50000)::int AS spread, g AS v,
    repeat('x', 100) AS pad FROM generate_series(0, 999999) g;
CREATE TABLE tall (id int PRIMARY KEY, v int NOT NULL);
INSERT INTO tall SELECT g, g FROM generate_series(1, 400000) g;
"""


@pytest.fixture(scope="module")
def snapshot(database):
    database.execute(SCHEMA)
    database.execute("VACUUM ANALYZE fan_parent, fan_child, tall")
    with connect(database.dsn) as session:
        return collect(session)


@pytest.fixture
def session(database):
    with connect(database.dsn) as session:
        # Without parallel workers, so that the planner's choice is a nested loop and not a parallel hash join.
        session.rows("SET max_parallel_workers_per_gather = 0")
        yield session


def _join(column: str, parents: int):
    text = (
        f"SELECT sum(c.v) FROM fan_parent p JOIN fan_child c ON c.{column} = p.grp * 7919 % 50000 "
        f"WHERE p.id <= {parents}"
    )
    return statement(f"{column}{parents}", text, CHILD, (pred(CHILD, column),))


def _through_tall(condition: str = "", loops: int = 4000):
    """``loops`` loops into fan_child, its parameter supplied by tall's 400,000 rows: the planner amortizes
    the heap pages over 400,000 loops (TPC-H Q5's supplier, Q9's partsupp)."""
    text = (
        "SELECT sum(c.v) FROM fan_parent p JOIN tall t ON t.id = p.id "
        f"JOIN fan_child c ON c.spread = t.v * 7919 % 50000 WHERE p.id <= {loops}{condition}"
    )
    return statement(f"tall{loops}{condition}", text, CHILD, (pred(CHILD, "spread"),))


@pytest.fixture
def nested(session):
    session.rows("SET enable_hashjoin = off")
    session.rows("SET enable_mergejoin = off")
    return session


def test_scattered_repeated_lookups_are_priced_for_every_page_they_touch(snapshot, nested):
    """4,000 probes of 20 rows each, on pages all over the table: the planner prices the heap pages as read
    once over 400,000 loops and then free; pgtune prices each touch, the table in memory, as a page access."""
    by_spread = IndexSpec("public", "fan_child", (IndexKey("spread"),))
    with HypoPG(nested) as hypopg:
        priced = PlannerCosts(nested, hypopg, snapshot).cost(_through_tall(), frozenset({by_spread}))
    assert by_spread in priced.used and priced.nested_loop_fetches == 80_000
    pages = snapshot.table("public", "fan_child").relpages
    touched_again = 80_000 - pages_fetched(80_000, pages, 524_288)
    assert priced.total_cost - priced.planner_cost > touched_again / 2


def test_rows_a_filter_removes_after_the_fetch_are_priced_as_fetched(snapshot, nested):
    """The same 4,000 probes of 20 rows, but a Filter keeps one row in twenty: the plan's rows are those the
    Filter leaves, the heap fetches those the Index Cond matches (pg_stats: 20 rows per spread value)."""
    by_spread = IndexSpec("public", "fan_child", (IndexKey("spread"),))
    with HypoPG(nested) as hypopg:
        model = PlannerCosts(nested, hypopg, snapshot)
        priced = model.cost(_through_tall(" AND c.v % 20 = 0"), frozenset({by_spread}))
        unfiltered = model.cost(_through_tall(), frozenset({by_spread}))
    assert by_spread in priced.used and priced.nested_loop_fetches < 80_000 / 10
    added, unfiltered_added = (c.total_cost - c.planner_cost for c in (priced, unfiltered))
    assert added > unfiltered_added * 0.9


def test_first_reads_of_a_table_in_memory_are_priced_as_memory_reads(snapshot, session):
    """fan_child fits in the effective cache: 1,000 probes of 20 scattered rows (12,900 distinct pages) cost
    less than today's hash join over the whole table, as TPC-H Q7's loop through ``lineitem (l_suppkey,
    l_shipdate)`` ran faster; each first touch at random_page_cost would have priced them above it."""
    by_spread = IndexSpec("public", "fan_child", (IndexKey("spread"),))
    lookups = _through_tall(loops=1000)
    with HypoPG(session) as hypopg:
        model = PlannerCosts(session, hypopg, snapshot)
        today = model.cost(lookups, frozenset())
        priced = model.cost(lookups, frozenset({by_spread}))
    assert by_spread in priced.used and priced.nested_loop_fetches == 20_000
    assert priced.planner_cost < priced.total_cost < today.total_cost


def test_first_reads_beyond_the_cache_are_priced_as_disk_reads(database, snapshot, nested):
    """The same loop priced on a snapshot whose effective_cache_size holds a twentieth of fan_child: most
    first touches of a page are disk reads at random_page_cost, not memory reads at a fraction of
    seq_page_cost, so the price added is several times the one of the table in memory."""
    by_spread = IndexSpec("public", "fan_child", (IndexKey("spread"),))
    # A setting of the database, as the collector reads the server's (not its own session's) settings; the
    # planning session, connected before, keeps the default.
    database.execute(f"ALTER DATABASE {database.dbname} SET effective_cache_size = '8MB'")
    try:
        with connect(database.dsn) as session:
            beyond = collect(session)
    finally:
        database.execute(f"ALTER DATABASE {database.dbname} RESET effective_cache_size")
    assert beyond.server.setting("effective_cache_size").value == "1024"
    with HypoPG(nested) as hypopg:
        in_memory = PlannerCosts(nested, hypopg, snapshot).cost(_through_tall(), frozenset({by_spread}))
        on_disk = PlannerCosts(nested, hypopg, beyond).cost(_through_tall(), frozenset({by_spread}))
    assert in_memory.planner_cost == on_disk.planner_cost
    assert on_disk.total_cost - on_disk.planner_cost > 2 * (in_memory.total_cost - in_memory.planner_cost)


def test_an_index_only_loop_is_priced_by_the_leaf_pages_it_touches(snapshot, nested):
    """A covering index answers from its leaves: 4,000 probes touch a few hundred leaf pages again and again,
    far fewer pages than the heap's, so the price added is below the heap loop's."""
    covering = IndexSpec("public", "fan_child", (IndexKey("spread"),), include=("v",))
    by_spread = IndexSpec("public", "fan_child", (IndexKey("spread"),))
    with HypoPG(nested) as hypopg:
        model = PlannerCosts(nested, hypopg, snapshot)
        answered = model.cost(_through_tall(), frozenset({covering}))
        fetched = model.cost(_through_tall(), frozenset({by_spread}))
    assert covering in answered.used
    assert answered.planner_cost < answered.total_cost
    assert answered.total_cost - answered.planner_cost < fetched.total_cost - fetched.planner_cost


def test_lookups_in_heap_order_and_few_lookups_keep_the_planners_verdict(snapshot, session):
    """A group's rows on consecutive pages (correlation 1) are read a page or two per probe; and 50 probes
    touch pages that are mostly not touched twice. Both plans stay cheaper than today, as they run."""
    by_group = IndexSpec("public", "fan_child", (IndexKey("grp"),))
    by_spread = IndexSpec("public", "fan_child", (IndexKey("spread"),))
    with HypoPG(session) as hypopg:
        model = PlannerCosts(session, hypopg, snapshot)
        grouped = statement(
            "grouped",
            "SELECT sum(c.v) FROM fan_parent p JOIN fan_child c ON c.grp = p.grp WHERE p.id <= 800",
            CHILD,
            (pred(CHILD, "grp"),),
        )
        priced = model.cost(grouped, frozenset({by_group}))
        assert by_group in priced.used and priced.nested_loop_fetches == 200_000
        assert priced.total_cost < model.cost(grouped, frozenset()).total_cost
        few = _join("spread", 50)
        priced = model.cost(few, frozenset({by_spread}))
        assert by_spread in priced.used
        assert priced.total_cost < model.cost(few, frozenset()).total_cost


def test_a_hypothetical_copy_of_the_primary_key_is_no_cheaper_than_the_primary_key(snapshot, session):
    """HypoPG's B-trees have no height, so the planner charges their probes no descent and prefers a
    hypothetical copy of an existing index to the index itself; priced, the copy saves nothing."""
    tall = QualifiedName("public", "tall")
    copy = IndexSpec("public", "tall", (IndexKey("id"),))
    text = "SELECT sum(t.v) FROM fan_parent p JOIN tall t ON t.id = p.grp * 79 WHERE p.id <= 300"
    lookups = statement("copy", text, tall, (pred(tall, "id"),))
    with HypoPG(session) as hypopg:
        model = PlannerCosts(session, hypopg, snapshot)
        today = model.cost(lookups, frozenset()).total_cost
        priced = model.cost(lookups, frozenset({copy}))
        assert copy in priced.used and priced.planner_cost < today
        assert priced.total_cost >= today


def test_the_height_is_the_one_the_built_index_has(snapshot, database):
    """The planner charges a real index's probe log2(tuples) + (height + 1) × 50 cpu_operator_costs before its
    first row: the startup cost of a probe tells the height."""
    for spec, ddl in (
        (IndexSpec("public", "tall", (IndexKey("id"),)), None),
        (IndexSpec("public", "fan_child", (IndexKey("grp"),)), "CREATE INDEX fan_child_grp ON fan_child (grp)"),
        (IndexSpec("public", "fan_parent", (IndexKey("grp"),)), "CREATE INDEX fan_parent_grp ON fan_parent (grp)"),
    ):
        if ddl:
            database.execute(ddl)
        with database.connect() as conn:
            conn.execute("SET enable_seqscan = off; SET enable_bitmapscan = off")
            plan = conn.execute(f"EXPLAIN (FORMAT JSON) SELECT * FROM {spec.table} WHERE {spec.keys[0].column} = 7")
            node = plan.fetchone()[0][0]["Plan"]
            tuples = conn.execute(f"SELECT reltuples FROM pg_class WHERE relname = '{spec.table}'").fetchone()[0]
        descent = node["Startup Cost"] - math.ceil(math.log2(tuples)) * 0.0025
        assert round(descent / (50 * 0.0025)) - 1 == btree_height(spec, snapshot), spec
    database.execute("DROP INDEX fan_child_grp; DROP INDEX fan_parent_grp")


def test_pages_fetched_is_the_planners_formula():
    assert pages_fetched(1_200_000, 112_503, 524_288) == 112_503
    assert round(pages_fetched(80_000, 112_503, 524_288)) == 59_017
    # A relation larger than the cache: below the limit as if cached, past it read again.
    assert round(pages_fetched(50_000, 1_000_000, 100_000)) == round(2e6 * 50_000 / (2e6 + 50_000))
    assert pages_fetched(10_000_000, 1_000_000, 100_000) > 1_000_000


def test_an_inner_side_runs_once_per_outer_row():
    inner = PlanNode("Index Scan", 0.0, 5.0, 600, index_name="<1>btree_x")
    deeper = PlanNode("Nested Loop", 0.0, 1.0, 10, children=(PlanNode("Seq Scan", 0.0, 1.0, 3), inner))
    root = PlanNode("Nested Loop", 0.0, 1.0, 1, children=(PlanNode("Seq Scan", 0.0, 1.0, 2000), deeper))
    loops = {id(node): count for node, count in scans_with_loops(root)}
    assert loops[id(root)] == 1 and loops[id(deeper)] == 2000 and loops[id(inner)] == 6000
