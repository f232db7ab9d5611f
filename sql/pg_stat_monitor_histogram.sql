-- pg_stat_monitor's response-time histogram (resp_calls), summed per bucket over this database's statements
-- in every time bucket it still holds, with the bucket edges in milliseconds from its range() function.
-- pgtune's own sessions are left out.
SELECT {monitor}.range() AS ranges,
    (SELECT array_agg(total ORDER BY position)
     FROM (SELECT h.position, sum(h.calls::bigint) AS total
           FROM {monitor}.pg_stat_monitor m, unnest(m.resp_calls) WITH ORDINALITY AS h(calls, position)
           WHERE m.datname = current_database() AND m.application_name IS DISTINCT FROM 'pgtune'
           GROUP BY h.position) AS buckets) AS counts;
