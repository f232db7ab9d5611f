-- Failed job runs, newest first (job_history: TimescaleDB 2.15 and later).
SELECT job_id, succeeded, start_time, sqlerrcode, err_message
FROM timescaledb_information.job_history
WHERE NOT succeeded
ORDER BY start_time DESC
LIMIT 1000;
