-- Index scans counted by this server alone: replicas keep their own counters.
SELECT schemaname AS schema, indexrelname AS name, idx_scan FROM pg_stat_user_indexes;
