-- How each job's runs went; a job that never ran or never succeeded shows -infinity, which Python cannot hold.
SELECT job_id, last_run_status, nullif(last_run_started_at, '-infinity') AS last_run_started_at,
    nullif(last_successful_finish, '-infinity') AS last_successful_finish, total_runs, total_failures
FROM timescaledb_information.job_stats
ORDER BY job_id;
