-- pgtune check --trace: the clone's user tables, views and indexes, their relfilenodes and columns (run by the
-- traced session, so it sees its own uncommitted changes).
SELECT c.oid, n.nspname || '.' || c.relname AS name, c.relkind, c.relfilenode,
       coalesce(tn.nspname || '.' || t.relname, n.nspname || '.' || c.relname) AS tbl,
       CASE WHEN c.relkind IN ('r', 'p', 'm', 'v') THEN
         (SELECT array_agg(a.attnum || ':' || a.attname ORDER BY a.attnum) FROM pg_attribute a
          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) END AS columns,
       coalesce((SELECT rn.nspname || '.' || r.relname FROM pg_class r JOIN pg_namespace rn ON rn.oid = r.relnamespace
                 WHERE r.oid = pg_partition_root(c.oid)), n.nspname || '.' || c.relname) AS root
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_index i ON i.indexrelid = c.oid
LEFT JOIN pg_class t ON t.oid = i.indrelid
LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
WHERE c.relkind IN ('r', 'p', 'm', 'v', 'i', 'I')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
