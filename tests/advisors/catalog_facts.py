"""Facts read straight from the catalog with the tests' own SQL, standing in for pgtune.collectors.

Only the fields the health rules read are filled. Tests using this are marked ``facts_sql``;
once the collectors are merged they should build the snapshot with them instead and this module goes.
"""

from __future__ import annotations

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
    Snapshot,
    TableFacts,
)

_TABLES = """
SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, c.reltuples, c.relpages,
       (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = c.oid) AS parent,
       pg_relation_size(c.oid) AS size_bytes, pg_total_relation_size(c.oid) AS total_size_bytes,
       coalesce(s.n_live_tup, 0) AS n_live_tup, coalesce(s.n_dead_tup, 0) AS n_dead_tup,
       coalesce(s.n_mod_since_analyze, 0) AS n_mod_since_analyze,
       coalesce(s.seq_scan, 0) AS seq_scan, coalesce(s.seq_tup_read, 0) AS seq_tup_read,
       coalesce(s.idx_scan, 0) AS idx_scan, coalesce(s.n_tup_ins, 0) AS n_tup_ins,
       coalesce(s.n_tup_upd, 0) AS n_tup_upd, coalesce(s.n_tup_del, 0) AS n_tup_del,
       coalesce(s.n_tup_hot_upd, 0) AS n_tup_hot_upd, s.last_analyze, s.last_autoanalyze, s.last_vacuum,
       s.last_autovacuum, c.reloptions,
       age(c.relfrozenxid) AS xid_age, mxid_age(c.relminmxid) AS mxid_age,
       array(SELECT a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull
             FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum) AS columns
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
"""

_INDEXES = """
SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS definition,
       am.amname AS method,
       array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
             WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns,
       array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
             WHERE k.ord > x.indnkeyatts ORDER BY k.ord) AS include_columns,
       pg_get_expr(x.indpred, x.indrelid) AS predicate, x.indisunique AS is_unique,
       x.indisprimary AS is_primary, x.indisvalid AS is_valid, x.indisready AS is_ready,
       con.conname AS backs_constraint, coalesce(s.idx_scan, 0) AS idx_scan,
       pg_relation_size(i.oid) AS size_bytes
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = i.relam
LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = x.indexrelid
WHERE n.nspname = 'public'
"""

_CONSTRAINTS = """
SELECT n.nspname AS schema, t.relname AS table, con.conname AS name, con.contype AS kind,
       array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
       pg_get_constraintdef(con.oid) AS definition, con.convalidated AS validated,
       CASE WHEN con.confrelid <> 0 THEN con.confrelid::regclass::text END AS referenced_table,
       array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS referenced_columns
FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public'
"""

_STATS = """
SELECT schemaname AS schema, tablename AS table, attname AS column, null_frac, n_distinct,
       avg_width AS avg_width_bytes
FROM pg_stats WHERE schemaname = 'public'
"""

_SEQUENCES = """
SELECT s.schemaname AS schema, s.sequencename AS name, format_type(q.seqtypid, NULL) AS data_type,
       s.last_value, s.max_value,
       (SELECT n.nspname || '.' || t.relname || '.' || a.attname
        FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        WHERE d.objid = q.seqrelid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) AS owned_by
FROM pg_sequences s JOIN pg_sequence q ON q.seqrelid = format('%I.%I', s.schemaname, s.sequencename)::regclass
WHERE s.schemaname = 'public'
"""

_SERVER = """
SELECT current_setting('server_version_num')::int AS version_num, version() AS version,
       current_database() AS database, current_user AS role, now() AS collected_at,
       pg_postmaster_start_time() AS started_at,
       (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) AS stats_reset,
       (SELECT age(datfrozenxid) FROM pg_database WHERE datname = current_database()) AS xid_age
"""


def _column(spec: str) -> ColumnFacts:
    name, type_, not_null = spec.rsplit(":", 2)
    return ColumnFacts(name, type_, not_null=not_null == "true")


def read_snapshot(dsn: str) -> Snapshot:
    with psycopg.connect(dsn, row_factory=dict_row) as conn:
        server = conn.execute(_SERVER).fetchone()
        tables = tuple(
            TableFacts(
                **{
                    **row,
                    "columns": tuple(_column(c) for c in row["columns"]),
                    "reloptions": tuple(row["reloptions"] or ()),
                }
            )
            for row in conn.execute(_TABLES)
        )
        indexes = tuple(
            IndexFacts(**{**row, "columns": tuple(row["columns"]), "include_columns": tuple(row["include_columns"])})
            for row in conn.execute(_INDEXES)
        )
        constraints = tuple(
            ConstraintFacts(
                **{**row, "columns": tuple(row["columns"]), "referenced_columns": tuple(row["referenced_columns"])}
            )
            for row in conn.execute(_CONSTRAINTS)
        )
        stats = tuple(ColumnStats(**row) for row in conn.execute(_STATS))
        sequences = tuple(SequenceFacts(**row) for row in conn.execute(_SEQUENCES))
    return Snapshot(
        server=ServerFacts(
            server["version_num"],
            server["version"],
            server["database"],
            server["role"],
            started_at=server["started_at"],
        ),
        collected_at=server["collected_at"],
        tables=tables,
        indexes=indexes,
        constraints=constraints,
        column_stats=stats,
        sequences=sequences,
        database=DatabaseStats(server["database"], xid_age=server["xid_age"], stats_reset=server["stats_reset"]),
    )
