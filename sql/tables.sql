-- Every user table (plain, partitioned, materialized, foreign) with its usage, I/O, size and age, in one scan.
SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
    (SELECT quote_ident(pn.nspname) || '.' || quote_ident(p.relname)
     FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
     WHERE i.inhrelid = c.oid LIMIT 1) AS parent,
    CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
    c.reltuples::float8 AS reltuples, c.relpages AS relpages, c.relallvisible AS relallvisible,
    pg_relation_size(c.oid) AS size_bytes,
    -- With its indexes' sizes (from indexes.sql) this makes pg_total_relation_size, without opening each index again.
    pg_table_size(c.oid) AS table_size_bytes,
    coalesce(s.n_live_tup, 0) AS n_live_tup, coalesce(s.n_dead_tup, 0) AS n_dead_tup,
    coalesce(s.n_mod_since_analyze, 0) AS n_mod_since_analyze, coalesce(s.seq_scan, 0) AS seq_scan,
    coalesce(s.seq_tup_read, 0) AS seq_tup_read, coalesce(s.idx_scan, 0) AS idx_scan,
    coalesce(s.idx_tup_fetch, 0) AS idx_tup_fetch, coalesce(s.n_tup_ins, 0) AS n_tup_ins,
    coalesce(s.n_tup_upd, 0) AS n_tup_upd, coalesce(s.n_tup_del, 0) AS n_tup_del,
    coalesce(s.n_tup_hot_upd, 0) AS n_tup_hot_upd, coalesce(io.heap_blks_read, 0) AS heap_blks_read,
    coalesce(io.heap_blks_hit, 0) AS heap_blks_hit, s.last_vacuum, s.last_autovacuum, s.last_analyze,
    s.last_autoanalyze, coalesce(s.vacuum_count, 0) AS vacuum_count,
    coalesce(s.autovacuum_count, 0) AS autovacuum_count,
    CASE WHEN c.relfrozenxid <> '0' THEN age(c.relfrozenxid) ELSE 0 END AS xid_age,
    CASE WHEN c.relminmxid <> '0' THEN mxid_age(c.relminmxid) ELSE 0 END AS mxid_age,
    coalesce(c.reloptions, '{}') AS reloptions
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
LEFT JOIN pg_statio_all_tables io ON io.relid = c.oid
WHERE c.relkind IN ('r', 'p', 'm', 'f')
  -- A relation another session locks is left out (its size would wait for the lock); the collector says so.
  AND c.oid <> ALL(%(locked)s::oid[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  -- Tables an extension owns (its configuration) are not the application's.
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.deptype = 'e')
ORDER BY n.nspname, c.relname;
