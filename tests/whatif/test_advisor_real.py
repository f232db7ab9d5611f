"""The index advisor against a real server: each candidate kind, the budget, write cost, cleanup."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from pgtune.db import connect
from pgtune.errors import ExtensionMissing
from pgtune.facts import ColumnFacts, ColumnStats, DatabaseStats, ServerFacts, Snapshot, TableFacts
from pgtune.query.model import PredicateOp, QualifiedName, SortKey
from pgtune.whatif.advise import SIZE_MARGIN, IndexAdvisorSettings, advise_indexes
from pgtune.whatif.budget import Budget
from pgtune.whatif.candidates import CandidateSettings
from pgtune.whatif.costing import PlannerCosts
from pgtune.whatif.hypopg import HypoPG
from pgtune.whatif.revise import Revision
from pgtune.whatif.sizing import corrected_size_bytes
from pgtune.whatif.spec import IndexKey, IndexSpec

from .builds import built_size_bytes
from .shapes import expr_pred, pred, statement

NOW = datetime(2026, 11, 26, tzinfo=timezone.utc)
ORDERS = QualifiedName("public", "orders")
USERS = QualifiedName("public", "users")
TRADES = QualifiedName("public", "trades")
SCHEMA = """
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL);
INSERT INTO users SELECT g, 'User' || g || '@Example.com', now() - g * interval '1 minute'
FROM generate_series(1, 50000) g;
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, market_id int NOT NULL, status text NOT NULL,
    price numeric NOT NULL, qty numeric NOT NULL, created_at timestamptz NOT NULL);
INSERT INTO orders SELECT g, g % 20000, g % 40, CASE WHEN g % 50 = 0 THEN 'open' ELSE 'filled' END,
    (g % 997) + 1, (g % 13) + 1, now() - g * interval '1 second' FROM generate_series(1, 200000) g;
CREATE TABLE trades (id bigint PRIMARY KEY, market_id int NOT NULL, price numeric NOT NULL,
    executed_at timestamptz NOT NULL);
INSERT INTO trades SELECT g, g % 40, (g % 997) + 1, timestamp '2026-01-01' + g * interval '1 second'
FROM generate_series(1, 400000) g;
CREATE TABLE orders_writes (LIKE orders INCLUDING ALL);
INSERT INTO orders_writes SELECT * FROM orders;
"""


def _facts(conn: psycopg.Connection) -> Snapshot:
    columns = {}
    for table, column, type_name in conn.execute(
        "SELECT attrelid::regclass::text, attname, format_type(atttypid, atttypmod) FROM pg_attribute "
        "WHERE attrelid::regclass::text IN ('users', 'orders', 'trades', 'orders_writes') AND attnum > 0"
    ):
        columns.setdefault(table, []).append(ColumnFacts(column, type_name))
    tables = tuple(
        TableFacts(
            "public",
            name,
            reltuples=reltuples,
            relpages=relpages,
            relallvisible=allvisible,
            columns=tuple(columns[name]),
            n_tup_ins=inserts,
            n_tup_upd=0,
        )
        for name, reltuples, relpages, allvisible, inserts in conn.execute(
            "SELECT relname, reltuples, relpages, relallvisible, "
            "CASE relname WHEN 'orders_writes' THEN 500000000 WHEN 'trades' THEN 20000000 ELSE 1000 END "
            "FROM pg_class WHERE relname IN ('users', 'orders', 'trades', 'orders_writes')"
        )
    )
    stats = tuple(
        ColumnStats("public", t, c, nf, nd, w, tuple(mcv or ()), tuple(freq or ()), corr)
        for t, c, nf, nd, w, mcv, freq, corr in conn.execute(
            "SELECT tablename, attname, null_frac, n_distinct, avg_width, most_common_vals::text::text[], "
            "most_common_freqs, correlation FROM pg_stats WHERE schemaname = 'public'"
        )
    )
    size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return Snapshot(
        server=ServerFacts(150000, "15", "t", "postgres", database_size_bytes=size),
        collected_at=NOW,
        statements_reset_at=NOW - timedelta(days=1),
        database=DatabaseStats("t", stats_reset=NOW - timedelta(days=1)),
        tables=tables,
        column_stats=stats,
    )


@pytest.fixture(scope="module")
def facts(database):
    database.execute(SCHEMA)
    database.execute("VACUUM ANALYZE users, orders, trades, orders_writes")
    with database.connect() as conn:
        return _facts(conn)


@pytest.fixture
def session(database):
    with connect(database.dsn) as session:
        yield session


def _chosen(selection):
    return {c.spec.create_sql() for c in selection.chosen}


def test_multicolumn_equality_then_range(facts, session):
    workload = [
        statement(
            "q1",
            "SELECT id FROM orders WHERE user_id = $1 AND created_at > $2",
            ORDERS,
            (pred(ORDERS, "user_id"), pred(ORDERS, "created_at", PredicateOp.RANGE)),
        )
    ]
    selection = advise_indexes(facts, workload, session)
    assert selection.verified
    specs = [c.spec for c in selection.chosen]
    assert [k.column for k in specs[0].keys][:1] == ["user_id"]
    assert selection.chosen[0].statements[0].cost_after < selection.chosen[0].statements[0].cost_before


def test_expression_index_for_lower_email(facts, session):
    workload = [
        statement(
            "q2",
            "SELECT id FROM users WHERE lower(email) = $1",
            USERS,
            (expr_pred(USERS, "lower(email)", ("email",)),),
        )
    ]
    assert _chosen(advise_indexes(facts, workload, session)) == {
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS users_lower_email_idx ON public.users ((lower(email)));"
    }


def test_partial_index_when_the_constant_is_known_and_selective(facts, session):
    text = "SELECT * FROM orders WHERE status = 'open' AND market_id = $1 ORDER BY price LIMIT 50"
    workload = [
        statement(
            "q3",
            text,
            ORDERS,
            (pred(ORDERS, "status", constant="'open'"), pred(ORDERS, "market_id")),
            sort=(SortKey(ORDERS, "price"),),
            reads_all=True,
            limit=True,
        )
    ]
    chosen = advise_indexes(facts, workload, session).chosen
    assert [c.spec.predicate for c in chosen] == ["status = 'open'"]
    assert chosen[0].spec.kind == "partial"


def test_no_partial_index_for_a_common_value(facts, session):
    workload = [
        statement(
            "q4",
            "SELECT * FROM orders WHERE status = 'filled' AND market_id = $1",
            ORDERS,
            (pred(ORDERS, "status", constant="'filled'"), pred(ORDERS, "market_id")),
            reads_all=True,
        )
    ]
    selection = advise_indexes(facts, workload, session)
    assert all(c.spec.predicate is None for c in selection.chosen)


def test_covering_index_for_an_index_only_scan(facts, session):
    workload = [
        statement(
            "q5",
            "SELECT price, qty FROM orders WHERE user_id = $1",
            ORDERS,
            (pred(ORDERS, "user_id"),),
            columns_read=frozenset({"user_id", "price", "qty"}),
            calls_per_day=1_000_000,
        )
    ]
    kinds = {c.spec.kind for c in advise_indexes(facts, workload, session).chosen}
    assert kinds == {"covering"}


def test_brin_for_a_physically_ordered_range(facts, session):
    workload = [
        statement(
            "q6",
            "SELECT avg(price) FROM trades WHERE executed_at >= $1 AND executed_at < $2",
            TRADES,
            (pred(TRADES, "executed_at", PredicateOp.RANGE),),
            columns_read=frozenset({"price", "executed_at"}),
            calls_per_day=100,
            mean_ms=200,
        )
    ]
    settings = IndexAdvisorSettings(candidates=CandidateSettings(brin_min_pages=1000))
    chosen = advise_indexes(facts, workload, session, settings).chosen
    assert "brin" in {c.spec.method for c in chosen}
    assert "btree" not in {c.spec.method for c in chosen}, "20M inserts a day make a B-tree cost more than it saves"
    without = advise_indexes(facts, workload, session, IndexAdvisorSettings()).chosen
    assert "brin" not in {c.spec.method for c in without}


def test_budget_is_respected(facts, session):
    workload = [
        statement("b1", "SELECT * FROM orders WHERE user_id = $1", ORDERS, (pred(ORDERS, "user_id"),), reads_all=True),
        statement(
            "b2", "SELECT * FROM users WHERE created_at = $1", USERS, (pred(USERS, "created_at"),), reads_all=True
        ),
    ]
    generous = advise_indexes(facts, workload, session, IndexAdvisorSettings(budget=Budget.parse("1GB")))
    assert len(generous.chosen) == 2
    smallest = min(c.size_bytes for c in generous.chosen)
    # Estimates count SIZE_MARGIN more against the budget: the smallest fits only with that room.
    just_short = advise_indexes(facts, workload, session, IndexAdvisorSettings(budget=Budget(smallest)))
    assert just_short.chosen == ()
    room = int(smallest * SIZE_MARGIN) + 1
    tight = advise_indexes(facts, workload, session, IndexAdvisorSettings(budget=Budget(room)))
    assert tight.used_bytes * SIZE_MARGIN <= room and len(tight.chosen) == 1
    none = advise_indexes(facts, workload, session, IndexAdvisorSettings(budget=Budget.parse("1kB")))
    assert none.chosen == ()


def test_write_heavy_twin_gets_fewer_indexes(facts, session):
    def read_statement(table: QualifiedName) -> list:
        return [
            statement(
                f"{table.name}-r",
                f"SELECT * FROM {table.name} WHERE user_id = $1",
                table,
                (pred(table, "user_id"),),
                reads_all=True,
                calls_per_day=2_000,
                mean_ms=5,
            )
        ]

    read_heavy = advise_indexes(facts, read_statement(ORDERS), session)
    write_heavy = advise_indexes(facts, read_statement(QualifiedName("public", "orders_writes")), session)
    assert len(read_heavy.chosen) == 1
    assert len(write_heavy.chosen) < len(read_heavy.chosen)


def test_choice_is_deterministic_and_the_cost_cache_is_used(facts, session):
    workload = [
        statement("d1", "SELECT * FROM orders WHERE user_id = $1", ORDERS, (pred(ORDERS, "user_id"),), reads_all=True),
        statement(
            "d2",
            "SELECT * FROM orders WHERE user_id = $1 AND market_id = $2",
            ORDERS,
            (pred(ORDERS, "user_id"), pred(ORDERS, "market_id")),
            reads_all=True,
        ),
    ]
    first = advise_indexes(facts, workload, session)
    second = advise_indexes(facts, workload, session)
    assert first.chosen == second.chosen
    assert first.cache_hits > 0


def test_no_hypothetical_index_survives(facts, session):
    workload = [statement("c1", "SELECT * FROM orders WHERE user_id = $1", ORDERS, (pred(ORDERS, "user_id"),))]
    advise_indexes(facts, workload, session)
    assert session.scalar("SELECT count(*) FROM hypopg_list_indexes") == 0
    with pytest.raises(KeyboardInterrupt), HypoPG(session) as hypopg:
        hypopg.session.rows("SELECT hypopg_create_index('CREATE INDEX ON orders (qty)')")
        raise KeyboardInterrupt
    assert session.scalar("SELECT count(*) FROM hypopg_list_indexes") == 0


def test_unplannable_statements_are_reported(facts, session):
    workload = [statement("u1", "SELECT * FROM no_such_table WHERE id = $1", ORDERS, (pred(ORDERS, "id"),))]
    selection = advise_indexes(facts, workload, session)
    assert selection.unplannable[0][0] == "SELECT * FROM no_such_table WHERE id = $1"
    assert "does not exist" in selection.unplannable[0][1]


def test_heuristic_fallback_without_hypopg(facts, database):
    database.execute("CREATE DATABASE whatif_bare TEMPLATE template0")
    dsn = database.dsn.replace(f"dbname={database.dbname}", "dbname=whatif_bare")
    with connect(dsn) as bare, pytest.raises(ExtensionMissing, match="HypoPG is not created"):
        HypoPG(bare)
    workload = [statement("h1", "SELECT * FROM orders WHERE user_id = $1", ORDERS, (pred(ORDERS, "user_id"),))]
    selection = advise_indexes(facts, workload, None)
    assert (not selection.verified and selection.planner_calls == 0) or not selection.verified
    assert [c.spec.keys[0].column for c in selection.chosen] == ["user_id"]


def test_the_planner_sees_exactly_the_configuration_asked_about(facts, session):
    user, market, price = (IndexSpec("public", "orders", (IndexKey(c),)) for c in ("user_id", "market_id", "price"))
    query = statement(
        "x1",
        "SELECT * FROM orders WHERE user_id = 7 AND market_id = 3 AND price = 5",
        ORDERS,
        (pred(ORDERS, "user_id"), pred(ORDERS, "market_id"), pred(ORDERS, "price")),
        reads_all=True,
    )
    with HypoPG(session) as hypopg:
        planner = PlannerCosts(session, hypopg, facts)
        # Configurations shrink, switch and grow: none may leave a stale hypothetical index behind.
        for config in ({user, market, price}, {user, market}, {price}, {user, price}, set()):
            cost = planner.cost(query, frozenset(config))
            assert session.scalar("SELECT count(*) FROM hypopg_list_indexes") == len(config)
            assert cost.used <= config and (cost.used or not config)
        assert planner.planner_calls == 5


SIZED = [
    IndexSpec("public", "orders", (IndexKey("market_id"),)),
    IndexSpec("public", "orders", (IndexKey("created_at"),)),
    IndexSpec("public", "orders", (IndexKey("user_id"), IndexKey("created_at"))),
    IndexSpec("public", "orders", (IndexKey("status"), IndexKey("market_id"))),
    IndexSpec("public", "trades", (IndexKey("market_id"), IndexKey("executed_at")), include=("price",)),
    IndexSpec("public", "users", (IndexKey("email"),), include=("created_at",)),
    IndexSpec("public", "orders", (IndexKey("created_at"),), predicate="status = 'filled'"),
    IndexSpec("public", "orders", (IndexKey("price"),)),
    IndexSpec("public", "orders", (IndexKey("price"),), predicate="status = 'filled'"),
]


@pytest.mark.parametrize("spec", SIZED, ids=lambda s: s.name())
def test_an_index_is_sized_within_a_tenth_of_the_real_build(facts, session, database, spec):
    with HypoPG(session) as hypopg:
        hypopg_bytes = PlannerCosts(session, hypopg, facts).size_bytes(spec)
    estimate = corrected_size_bytes(spec, hypopg_bytes, facts)
    real = built_size_bytes(database, spec)
    assert 0.9 < estimate / real < 1.1, f"HypoPG said {hypopg_bytes}, pgtune {estimate}, the build {real} bytes"


def _replacement(facts, session, workload, narrow, wide):
    """Both chosen, ``wide`` added last: which survive Extend's replacement, and the statements' indexes."""
    by_key = {s.key: s for s in workload}
    with HypoPG(session) as hypopg:
        model = PlannerCosts(session, hypopg, facts)
        base = {k: model.cost(s, frozenset()) for k, s in by_key.items()}
        current = {k: model.cost(s, frozenset({narrow, wide})) for k, s in by_key.items()}
        revision = Revision(by_key, base, current, lambda new, beside: 0.0, model, 1.0)
        kept = revision.without_served(wide, {narrow, wide})
    return kept, {k: c.used for k, c in current.items()}


def test_a_widened_index_replaces_the_one_it_serves(facts, session):
    narrow = IndexSpec("public", "trades", (IndexKey("market_id"),))
    wide = IndexSpec("public", "trades", (IndexKey("market_id"), IndexKey("executed_at")))
    workload = [
        statement(
            "w1", "SELECT * FROM trades WHERE market_id = $1", TRADES, (pred(TRADES, "market_id"),), reads_all=True
        ),
        statement(
            "w2",
            "SELECT * FROM trades WHERE market_id = $1 ORDER BY executed_at DESC LIMIT 10",
            TRADES,
            (pred(TRADES, "market_id"),),
            sort=(SortKey(TRADES, "executed_at", descending=True),),
            reads_all=True,
            limit=True,
        ),
    ]
    kept, used = _replacement(facts, session, workload, narrow, wide)
    assert kept == {wide}
    assert used == {"w1": frozenset({wide}), "w2": frozenset({wide})}


def test_a_narrower_index_that_still_pays_is_kept(facts, session):
    narrow = IndexSpec("public", "trades", (IndexKey("market_id"),))
    wide = IndexSpec("public", "trades", (IndexKey("market_id"), IndexKey("executed_at")), include=("price",))
    count = statement(
        "k1",
        "SELECT count(*) FROM trades WHERE market_id = $1",
        TRADES,
        (pred(TRADES, "market_id"),),
        columns_read=frozenset({"market_id"}),
    )
    kept, used = _replacement(facts, session, [count], narrow, wide)
    assert kept == {narrow, wide} and used == {"k1": frozenset({narrow})}
