-- pg_stats of user tables' columns, with the most common values capped; pg_stats shows only readable columns.
SELECT s.schemaname AS schema, s.tablename AS table, s.attname AS column, s.null_frac::float8 AS null_frac,
    s.n_distinct::float8 AS n_distinct, s.avg_width AS avg_width_bytes,
    (s.most_common_vals::text::text[])[1:%(mcv_limit)s] AS most_common_values,
    (s.most_common_freqs)[1:%(mcv_limit)s]::float8[] AS most_common_freqs, s.correlation::float8 AS correlation,
    (s.histogram_bounds::text::text[])[1] AS lowest_value,
    (s.histogram_bounds::text::text[])[cardinality(s.histogram_bounds::text::text[])] AS highest_value
FROM pg_stats s
WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema') AND s.schemaname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT s.inherited
ORDER BY s.schemaname, s.tablename, s.attname;
