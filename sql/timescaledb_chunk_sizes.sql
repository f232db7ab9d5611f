-- Chunk sizes of every hypertable with chunks, continuous aggregates' materialization hypertables included
-- (the hypertables view hides those), in one round trip.
SELECT h.hypertable_schema, h.hypertable_name, s.chunk_schema, s.chunk_name, s.total_bytes, s.index_bytes
FROM (SELECT DISTINCT hypertable_schema, hypertable_name,
             (quote_ident(hypertable_schema) || '.' || quote_ident(hypertable_name))::regclass AS relation
      FROM timescaledb_information.chunks) h
CROSS JOIN LATERAL {tsdb}.chunks_detailed_size(h.relation) s;
