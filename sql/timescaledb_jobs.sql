-- Background jobs (policies) and what they act on.
SELECT job_id, application_name, proc_name, hypertable_schema, hypertable_name, schedule_interval::text AS schedule_interval,
    scheduled
FROM timescaledb_information.jobs
ORDER BY job_id;
