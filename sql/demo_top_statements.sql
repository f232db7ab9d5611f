-- The demo's workload, heaviest first, in the current database (pgtune analyze's report replaces this).
SELECT queryid, query, calls, total_exec_time AS total_exec_ms, mean_exec_time AS mean_exec_ms, rows
FROM {pgss}.pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY total_exec_time DESC
LIMIT %(limit)s;
