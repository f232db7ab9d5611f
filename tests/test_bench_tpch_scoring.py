"""How `bench tpch` scores a set of indexes: on statistics that building it does not draw again."""

from __future__ import annotations

import psycopg

from bench import tpch


def test_only_the_tables_given_an_expression_index_are_sampled_again(database):
    """Every ANALYZE draws a new random sample; scoring a set of indexes twice must see the same statistics."""
    database.execute(
        "CREATE TABLE customer AS SELECT g AS c_custkey, g::text AS c_phone FROM generate_series(1, 1000) g;"
        "CREATE TABLE orders AS SELECT g AS o_orderkey FROM generate_series(1, 1000) g;"
        "CREATE INDEX customer_phone ON customer ((substring(c_phone, 1, 2))); CREATE INDEX ON orders (o_orderkey)"
    )
    with psycopg.connect(database.dsn, autocommit=True) as connection:
        tpch.analyze_expression_tables(connection)
        sampled = {row[0] for row in connection.execute("SELECT tablename FROM pg_stats WHERE schemaname = 'public'")}
    assert sampled == {"customer", "customer_phone"}
