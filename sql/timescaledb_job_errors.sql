-- Failed job runs, newest first (job_errors: TimescaleDB 2.9 to 2.14 have no job_history).
SELECT job_id, start_time, sqlerrcode, err_message
FROM timescaledb_information.job_errors
ORDER BY start_time DESC
LIMIT 1000;
