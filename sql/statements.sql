-- pg_stat_statements of this database, summed over roles per queryid and nesting level. 14: no JIT columns.
SELECT s.queryid, min(s.query) AS query, count(*) AS entries, s.toplevel,
    sum(s.calls)::bigint AS calls, sum(s.total_exec_time) AS total_exec_ms,
    sum(s.total_exec_time) / nullif(sum(s.calls), 0) AS mean_exec_ms,
    -- The pooled deviation of the entries merged: E[x²] − E[x]².
    sqrt(greatest(sum(s.calls * (s.stddev_exec_time ^ 2 + s.mean_exec_time ^ 2)) / nullif(sum(s.calls), 0)
        - (sum(s.total_exec_time) / nullif(sum(s.calls), 0)) ^ 2, 0)) AS stddev_exec_ms,
    min(s.min_exec_time) AS min_exec_ms, max(s.max_exec_time) AS max_exec_ms, sum(s.total_plan_time) AS total_plan_ms,
    sum(s.rows)::bigint AS rows, sum(s.shared_blks_hit)::bigint AS shared_blks_hit,
    sum(s.shared_blks_read)::bigint AS shared_blks_read, sum(s.shared_blks_dirtied)::bigint AS shared_blks_dirtied,
    sum(s.shared_blks_written)::bigint AS shared_blks_written, sum(s.local_blks_hit)::bigint AS local_blks_hit,
    sum(s.local_blks_read)::bigint AS local_blks_read, sum(s.temp_blks_read)::bigint AS temp_blks_read,
    sum(s.temp_blks_written)::bigint AS temp_blks_written, sum(s.blk_read_time) AS blk_read_ms,
    sum(s.blk_write_time) AS blk_write_ms, sum(s.wal_records)::bigint AS wal_records,
    sum(s.wal_bytes)::bigint AS wal_bytes, NULL::float8 AS jit_ms
FROM {pgss}.pg_stat_statements s
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
GROUP BY s.queryid, s.toplevel
-- Entries hidden from this role (NULL queryid) come first so that the cap never drops their count.
ORDER BY s.queryid IS NULL DESC, total_exec_ms DESC
LIMIT %(limit)s;
