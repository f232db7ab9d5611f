-- Compression settings per hypertable (a view of TimescaleDB 2.15 and later).
SELECT hypertable::text AS hypertable, segmentby, orderby
FROM timescaledb_information.hypertable_compression_settings;
