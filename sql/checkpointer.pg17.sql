-- PostgreSQL 17 moved the checkpointer's counters to pg_stat_checkpointer; backend writes are in pg_stat_io.
SELECT c.num_timed AS checkpoints_timed, c.num_requested AS checkpoints_requested,
    c.write_time AS checkpoint_write_ms, c.sync_time AS checkpoint_sync_ms, c.buffers_written AS buffers_checkpoint,
    b.buffers_clean, NULL::bigint AS buffers_backend, b.maxwritten_clean, c.stats_reset
FROM pg_stat_checkpointer c, pg_stat_bgwriter b;
