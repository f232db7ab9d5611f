-- CREATE STATISTICS objects on user tables, with the plain columns they cover and, once ANALYZE has built
-- them, the n-distinct counts of their column groups (pg_stats_ext names a group by attnums; groups with an
-- expression, a negative attnum, are left out).
SELECT sn.nspname AS schema, s.stxname AS name, tn.nspname AS table_schema, c.relname AS table,
    ARRAY(SELECT a.attname FROM unnest(s.stxkeys) AS k(attnum)
          JOIN pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = k.attnum ORDER BY a.attnum)::text[] AS columns,
    s.stxkind::text[] AS kinds,
    (SELECT jsonb_agg(jsonb_build_array(
                to_jsonb(ARRAY(SELECT a.attname::text FROM unnest(string_to_array(g.key, ', ')::int2[]) AS k(attnum)
                               JOIN pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = k.attnum
                               ORDER BY a.attnum)),
                g.value::float8))
     FROM pg_stats_ext AS e, jsonb_each_text(e.n_distinct::text::jsonb) AS g
     WHERE e.statistics_schemaname = sn.nspname AND e.statistics_name = s.stxname AND g.key !~ '-') AS distinct_counts
FROM pg_statistic_ext s
JOIN pg_namespace sn ON sn.oid = s.stxnamespace
JOIN pg_class c ON c.oid = s.stxrelid
JOIN pg_namespace tn ON tn.oid = c.relnamespace
WHERE tn.nspname NOT IN ('pg_catalog', 'information_schema') AND tn.nspname NOT LIKE 'pg_toast%'
ORDER BY 1, 2;
