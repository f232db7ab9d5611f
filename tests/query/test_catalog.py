"""Name resolution against a collected catalog: search_path, column attribution, views."""

from __future__ import annotations

from pgtune.query import model_statement
from pgtune.query.model import Catalog, CatalogTable, ParseFailure, QualifiedName, StatementShape

Q = QualifiedName


def _catalog(**views: str) -> Catalog:
    tables = {
        Q("app", "orders"): CatalogTable("app", "orders", ("id", "user_id", "status", "price", "created_at")),
        Q("public", "users"): CatalogTable("public", "users", ("id", "email", "created_at")),
        Q("public", "orders"): CatalogTable("public", "orders", ("id",)),
        Q("app", "trades"): CatalogTable("app", "trades", ("id", "market_id", "executed_at")),
    }
    return Catalog(
        tables=tables, views={Q("app", k): v for k, v in views.items()}, search_path=("$user", "app", "public")
    )


def _shape(text: str, catalog: Catalog | None = None) -> StatementShape:
    shape = model_statement(text, catalog)
    assert isinstance(shape, StatementShape), shape
    return shape


def test_unqualified_names_resolve_to_the_first_schema_on_the_path_that_has_them():
    shape = _shape("SELECT 1 FROM orders o JOIN users u ON u.id = o.user_id", _catalog())
    assert shape.relations_read == (Q("app", "orders"), Q("public", "users"))


def test_names_the_catalog_does_not_know_resolve_to_the_first_schema_of_the_path():
    assert _shape("SELECT 1 FROM ghosts", _catalog()).relations_read == (Q("app", "ghosts"),)
    assert _shape("SELECT 1 FROM ghosts").relations_read == (Q("public", "ghosts"),)
    assert _shape("SELECT 1 FROM ghosts", Catalog(search_path=())).relations_read == (Q("public", "ghosts"),)


def test_system_relations_resolve_to_pg_catalog_unless_the_catalog_has_them():
    assert _shape("SELECT 1 FROM pg_class").relations_read == (Q("pg_catalog", "pg_class"),)
    known = Catalog(tables={Q("public", "pg_things"): CatalogTable("public", "pg_things")})
    assert _shape("SELECT 1 FROM pg_things", known).relations_read == (Q("public", "pg_things"),)


def test_unqualified_columns_go_to_the_table_that_has_them():
    shape = _shape(
        "SELECT email, status FROM orders o JOIN users u ON u.id = o.user_id WHERE status = 'open'", _catalog()
    )
    orders, users = shape.tables
    assert orders.columns_read == {"user_id", "status"}
    assert users.columns_read == {"id", "email"}
    assert [p.column for p in orders.predicates] == ["status"]
    assert shape.ambiguous_columns == ()


def test_a_column_both_tables_have_is_ambiguous_not_guessed():
    shape = _shape("SELECT id FROM orders o JOIN users u ON u.id = o.user_id WHERE created_at > $1", _catalog())
    assert set(shape.ambiguous_columns) == {"id", "created_at"}
    assert all(not a.predicates for a in shape.tables)


def test_a_known_table_wins_over_one_the_catalog_does_not_know_only_when_it_has_the_column():
    shape = _shape("SELECT email, note FROM users JOIN notes ON notes.user_id = users.id", _catalog())
    users, notes = shape.tables
    assert "email" in users.columns_read and "note" in notes.columns_read


def test_without_a_catalog_one_table_in_scope_takes_every_unqualified_column():
    shape = _shape("SELECT email FROM users WHERE id = $1")
    assert shape.tables[0].columns_read == {"email", "id"}


def test_views_expand_to_their_base_tables_and_conditions_reach_them():
    catalog = _catalog(open_orders="SELECT id, user_id, price FROM orders WHERE status = 'open'")
    shape = _shape("SELECT price FROM open_orders WHERE user_id = $1 ORDER BY price LIMIT 5", catalog)
    assert shape.views == (Q("app", "open_orders"),)
    (orders,) = shape.tables
    assert orders.table == Q("app", "orders") and orders.via_view == Q("app", "open_orders")
    assert [(p.column, p.constant) for p in orders.predicates] == [("status", "'open'"), ("user_id", None)]
    assert orders.sort_keys and shape.index_helpful


def test_views_of_views_expand_and_a_cycle_stops():
    catalog = _catalog(
        recent="SELECT * FROM open_orders WHERE created_at > now() - interval '1 day'",
        open_orders="SELECT * FROM orders WHERE status = 'open'",
        loop_a="SELECT * FROM loop_b",
        loop_b="SELECT * FROM loop_a",
    )
    shape = _shape("SELECT id FROM recent WHERE user_id = $1", catalog)
    assert shape.views == (Q("app", "recent"), Q("app", "open_orders"))
    assert {p.column for p in shape.tables[0].predicates} == {"status", "created_at", "user_id"}
    looped = _shape("SELECT 1 FROM loop_a", catalog)
    assert looped.views == (Q("app", "loop_a"), Q("app", "loop_b"))
    assert looped.relations_read == (Q("app", "loop_a"),)


def test_a_view_whose_definition_does_not_parse_stands_for_itself():
    for definition in ("SELEC nonsense", "SELECT 1; SELECT 2"):
        shape = _shape("SELECT 1 FROM broken", _catalog(broken=definition))
        assert shape.relations_read == (Q("app", "broken"),) and shape.views == ()


def test_a_written_view_is_not_expanded():
    shape = _shape("UPDATE open_orders SET price = 1 WHERE id = $1", _catalog(open_orders="SELECT * FROM orders"))
    assert shape.relations_written == (Q("app", "open_orders"),)


def test_each_catalog_gets_its_own_results():
    text = "SELECT 1 FROM orders"
    assert _shape(text).relations_read == (Q("public", "orders"),)
    assert _shape(text, _catalog()).relations_read == (Q("app", "orders"),)
    assert not isinstance(model_statement(text, _catalog()), ParseFailure)
