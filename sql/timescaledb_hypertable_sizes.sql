-- Size, rows and compression savings of every hypertable, summed over its chunks, in one round trip.
SELECT h.hypertable_schema, h.hypertable_name, d.table_bytes, d.toast_bytes, d.index_bytes, d.total_bytes,
    {tsdb}.approximate_row_count(h.relation) AS approximate_row_count, c.number_compressed_chunks,
    c.before_compression_total_bytes, c.after_compression_total_bytes
FROM (SELECT hypertable_schema, hypertable_name,
             (quote_ident(hypertable_schema) || '.' || quote_ident(hypertable_name))::regclass AS relation
      FROM timescaledb_information.hypertables) h
CROSS JOIN LATERAL {tsdb}.hypertable_detailed_size(h.relation) d
LEFT JOIN LATERAL {tsdb}.hypertable_compression_stats(h.relation) c
    ON true;
