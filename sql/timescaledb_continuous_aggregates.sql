-- Continuous aggregates and the hypertable each one reads.
SELECT view_schema, view_name, hypertable_schema, hypertable_name, view_definition, materialized_only
FROM timescaledb_information.continuous_aggregates
ORDER BY view_schema, view_name;
