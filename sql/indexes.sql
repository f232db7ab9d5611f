-- Every index on a user table with its definition taken apart, usage, I/O and size, in one scan.
SELECT n.nspname AS schema, t.relname AS table, c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
    am.amname AS method,
    -- Key then INCLUDE column numbers (0 for an expression key); the collector names them from columns.sql.
    i.indkey::int2[] AS attnums, i.indnkeyatts AS key_count,
    CASE WHEN i.indexprs IS NOT NULL
         THEN ARRAY(SELECT pg_get_indexdef(i.indexrelid, k + 1, true) FROM generate_series(0, i.indnkeyatts - 1) k
                    WHERE i.indkey[k] = 0 ORDER BY k) END AS key_expressions,
    pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
    i.indisunique AS is_unique, i.indisprimary AS is_primary, i.indisvalid AS is_valid, i.indisready AS is_ready,
    con.conname AS backs_constraint,
    coalesce(s.idx_scan, 0) AS idx_scan, coalesce(s.idx_tup_read, 0) AS idx_tup_read,
    coalesce(s.idx_tup_fetch, 0) AS idx_tup_fetch, coalesce(io.idx_blks_read, 0) AS idx_blks_read,
    coalesce(io.idx_blks_hit, 0) AS idx_blks_hit, pg_relation_size(i.indexrelid) AS size_bytes
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = c.relam
LEFT JOIN pg_stat_all_indexes s ON s.indexrelid = i.indexrelid
LEFT JOIN pg_statio_all_indexes io ON io.indexrelid = i.indexrelid
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE t.relkind IN ('r', 'p', 'm')
  AND t.oid <> ALL(%(locked)s::oid[]) AND i.indexrelid <> ALL(%(locked)s::oid[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = t.oid
                  AND d.deptype = 'e')
ORDER BY n.nspname, t.relname, c.relname;
