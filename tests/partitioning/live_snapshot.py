"""A Snapshot of one table read with a few catalog queries, for the end-to-end partitioning test.

Minimal on purpose: the collectors are not merged yet. Once they are, replace ``table_snapshot`` with
``pgtune.collectors.collect`` (and keep the assertions).
"""

from __future__ import annotations

from datetime import datetime, timezone

import psycopg
from psycopg.rows import dict_row

from pgtune.facts import (
    ColumnFacts,
    ColumnStats,
    ConstraintFacts,
    DatabaseStats,
    IndexFacts,
    SequenceFacts,
    ServerFacts,
    Setting,
    Snapshot,
    TableFacts,
)

_TABLE = """
SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.reltuples::float8 AS reltuples,
    c.relpages, pg_relation_size(c.oid) AS size_bytes, pg_total_relation_size(c.oid) AS total_size_bytes,
    s.n_live_tup, s.n_tup_ins, s.n_tup_upd, s.n_tup_del
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE c.oid = %(table)s::regclass
"""
_COLUMNS = """
SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
    pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity::text AS identity, a.attgenerated::text AS generated
FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = %(table)s::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
"""
_INDEXES = """
SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, am.amname AS method,
    ARRAY(SELECT a.attname::text FROM generate_series(0, i.indnkeyatts - 1) k
          LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k] ORDER BY k) AS columns,
    i.indisunique AS is_unique, i.indisprimary AS is_primary,
    (SELECT conname FROM pg_constraint WHERE conindid = i.indexrelid AND conrelid = i.indrelid) AS backs_constraint
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
WHERE i.indrelid = %(table)s::regclass ORDER BY c.relname
"""
_CONSTRAINTS = """
SELECT n.nspname AS schema, t.relname AS table, con.conname AS name, con.contype::text AS kind,
    pg_get_constraintdef(con.oid, true) AS definition,
    CASE WHEN con.contype = 'f' THEN quote_ident(rn.nspname) || '.' || quote_ident(r.relname) END AS referenced_table
FROM pg_constraint con
JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
LEFT JOIN pg_class r ON r.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
WHERE con.conrelid = %(table)s::regclass OR con.confrelid = %(table)s::regclass ORDER BY con.conname
"""
_SEQUENCES = """
SELECT s.schemaname AS schema, s.sequencename AS name, format_type(s.data_type, NULL) AS data_type, s.last_value,
    s.max_value, quote_ident(n.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname) AS owned_by
FROM pg_sequences s
JOIN pg_class sc ON sc.relname = s.sequencename
JOIN pg_namespace sn ON sn.oid = sc.relnamespace AND sn.nspname = s.schemaname
JOIN pg_depend d ON d.objid = sc.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE t.oid = %(table)s::regclass
"""
_STATS = "SELECT attname AS column, correlation FROM pg_stats WHERE schemaname = %(schema)s AND tablename = %(name)s"


def table_snapshot(dsn: str, table: str) -> Snapshot:
    with psycopg.connect(dsn, row_factory=dict_row) as conn:
        params = {"table": table}
        row = conn.execute(_TABLE, params).fetchone()
        columns = tuple(ColumnFacts(**c) for c in conn.execute(_COLUMNS, params))
        facts = TableFacts(**row, columns=columns)
        where = {"schema": facts.schema, "table": facts.name}
        indexes = tuple(
            IndexFacts(**where, **{**i, "columns": tuple(i["columns"])}) for i in conn.execute(_INDEXES, params)
        )
        constraints = tuple(ConstraintFacts(**c) for c in conn.execute(_CONSTRAINTS, params))
        stats = tuple(
            ColumnStats(facts.schema, facts.name, s["column"], correlation=s["correlation"])
            for s in conn.execute(_STATS, {"schema": facts.schema, "name": facts.name})
        )
        sequences = tuple(SequenceFacts(**q) for q in conn.execute(_SEQUENCES, params))
        setting = conn.execute("SELECT setting, unit FROM pg_settings WHERE name = 'shared_buffers'").fetchone()
        database = conn.execute(
            "SELECT current_database() AS name, stats_reset FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
        started = conn.execute("SELECT pg_postmaster_start_time() AS t").fetchone()["t"]
        server = ServerFacts(
            version_num=conn.info.server_version,
            version=str(conn.info.server_version),
            database=database["name"],
            role="postgres",
            settings=(Setting("shared_buffers", setting["setting"], setting["unit"]),),
            started_at=started,
        )
    return Snapshot(
        server=server,
        collected_at=datetime.now(timezone.utc),
        tables=(facts,),
        indexes=indexes,
        constraints=constraints,
        column_stats=stats,
        sequences=sequences,
        database=DatabaseStats(name=database["name"], stats_reset=database["stats_reset"]),
    )
