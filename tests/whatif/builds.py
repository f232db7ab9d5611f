"""What an index really takes: built in the test database, measured and dropped again."""

from __future__ import annotations

from pgtune.whatif.spec import IndexSpec


def built_size_bytes(database, spec: IndexSpec) -> int:
    database.execute(spec.create_sql(concurrently=False))
    try:
        with database.connect() as conn:
            return conn.execute("SELECT pg_relation_size(%s::regclass)", (spec.name(),)).fetchone()[0]
    finally:
        database.execute(f"DROP INDEX {spec.name()}")
