-- Client backends right now. Without pg_read_all_stats, other roles' sessions show neither state nor
-- backend_type: those with a user are counted as hidden client backends.
SELECT current_setting('max_connections')::int AS max_connections,
    count(*) AS total,
    count(*) FILTER (WHERE state = 'active') AS active,
    count(*) FILTER (WHERE state = 'idle') AS idle,
    count(*) FILTER (WHERE state = 'idle in transaction') AS idle_in_transaction,
    count(*) FILTER (WHERE state = 'idle in transaction (aborted)') AS idle_in_transaction_aborted,
    count(*) FILTER (WHERE wait_event_type = 'Lock') AS waiting,
    count(*) FILTER (WHERE state IS NULL) AS hidden,
    coalesce(extract(epoch FROM max(now() - xact_start)), 0)::float8 AS longest_transaction_s,
    coalesce(extract(epoch FROM max(now() - state_change) FILTER (WHERE state LIKE 'idle in transaction%')), 0)::float8
        AS longest_idle_in_transaction_s
FROM pg_stat_activity
WHERE (backend_type = 'client backend' OR (backend_type IS NULL AND usesysid IS NOT NULL))
  AND pid <> pg_backend_pid();
