-- Every chunk with its range and compression state; integer dimensions fill the *_integer columns instead.
SELECT hypertable_schema, hypertable_name, chunk_schema, chunk_name, range_start, range_end, range_start_integer,
    range_end_integer, is_compressed
FROM timescaledb_information.chunks
ORDER BY hypertable_schema, hypertable_name, chunk_schema, chunk_name;
