-- The time span each chunk's rows really cover, from the chunk's own pg_stats (chunks are analyzed like any table;
-- the hypertable's inherited statistics are not kept current by autovacuum). Time dimensions only.
SELECT c.hypertable_schema, c.hypertable_name, c.chunk_schema, c.chunk_name,
    (s.histogram_bounds::text::timestamptz[])[1] AS data_start,
    (s.histogram_bounds::text::timestamptz[])[cardinality(s.histogram_bounds::text::timestamptz[])] AS data_end
FROM timescaledb_information.chunks c
JOIN timescaledb_information.dimensions d
    ON d.hypertable_schema = c.hypertable_schema AND d.hypertable_name = c.hypertable_name AND d.dimension_number = 1
JOIN pg_stats s
    ON s.schemaname = c.chunk_schema AND s.tablename = c.chunk_name AND s.attname = d.column_name AND NOT s.inherited
WHERE d.column_type::text IN ('timestamp with time zone', 'timestamp without time zone', 'date')
    AND s.histogram_bounds IS NOT NULL;
