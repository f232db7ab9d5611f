-- Continuous aggregates, the hypertable each one reads and the one holding its buckets.
SELECT view_schema, view_name, hypertable_schema, hypertable_name, view_definition, materialized_only,
    materialization_hypertable_schema, materialization_hypertable_name
FROM timescaledb_information.continuous_aggregates
ORDER BY view_schema, view_name;
