-- How each hypertable is partitioned: the time (or integer) dimension's interval, hash partitions.
SELECT hypertable_schema, hypertable_name, dimension_number, column_name, column_type, dimension_type,
    time_interval::text AS time_interval, integer_interval, num_partitions
FROM timescaledb_information.dimensions
ORDER BY hypertable_schema, hypertable_name, dimension_number;
