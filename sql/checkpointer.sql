-- Before PostgreSQL 17, pg_stat_bgwriter holds the checkpointer's counters too.
SELECT checkpoints_timed, checkpoints_req AS checkpoints_requested, checkpoint_write_time AS checkpoint_write_ms,
    checkpoint_sync_time AS checkpoint_sync_ms, buffers_checkpoint, buffers_clean, buffers_backend,
    maxwritten_clean, stats_reset
FROM pg_stat_bgwriter;
