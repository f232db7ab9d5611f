-- Background jobs (policies), what they act on, and their config (a refresh policy's offsets).
SELECT job_id, application_name, proc_name, hypertable_schema, hypertable_name, schedule_interval::text AS schedule_interval,
    scheduled, config::text AS config
FROM timescaledb_information.jobs
ORDER BY job_id;
