-- TimescaleDB hypertables (the view hides continuous aggregates' materialization hypertables).
SELECT hypertable_schema, hypertable_name, num_dimensions, num_chunks, compression_enabled
FROM timescaledb_information.hypertables
ORDER BY hypertable_schema, hypertable_name;
