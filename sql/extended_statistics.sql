-- CREATE STATISTICS objects on user tables, with the plain columns they cover.
SELECT sn.nspname AS schema, s.stxname AS name, tn.nspname AS table_schema, c.relname AS table,
    ARRAY(SELECT a.attname FROM unnest(s.stxkeys) AS k(attnum)
          JOIN pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = k.attnum ORDER BY a.attnum)::text[] AS columns,
    s.stxkind::text[] AS kinds
FROM pg_statistic_ext s
JOIN pg_namespace sn ON sn.oid = s.stxnamespace
JOIN pg_class c ON c.oid = s.stxrelid
JOIN pg_namespace tn ON tn.oid = c.relnamespace
WHERE tn.nspname NOT IN ('pg_catalog', 'information_schema') AND tn.nspname NOT LIKE 'pg_toast%'
ORDER BY 1, 2;
