-- PostgreSQL 18 counts pg_stat_io's writes in operations of any size, and their bytes apart (op_bytes is gone):
-- backends' buffer writes are their bytes over the block size.
SELECT c.num_timed AS checkpoints_timed, c.num_requested AS checkpoints_requested,
    c.write_time AS checkpoint_write_ms, c.sync_time AS checkpoint_sync_ms, c.buffers_written AS buffers_checkpoint,
    b.buffers_clean,
    (SELECT (sum(io.write_bytes) / current_setting('block_size')::int)::bigint FROM pg_stat_io io
     WHERE io.object = 'relation' AND io.backend_type NOT IN ('checkpointer', 'background writer')) AS buffers_backend,
    b.maxwritten_clean, c.stats_reset
FROM pg_stat_checkpointer c, pg_stat_bgwriter b;
