-- PostgreSQL 17 moved the checkpointer's counters to pg_stat_checkpointer, and the buffers backends write
-- themselves to pg_stat_io (16+): shared-buffer writes by every process but the checkpointer and bgwriter.
SELECT c.num_timed AS checkpoints_timed, c.num_requested AS checkpoints_requested,
    c.write_time AS checkpoint_write_ms, c.sync_time AS checkpoint_sync_ms, c.buffers_written AS buffers_checkpoint,
    b.buffers_clean,
    (SELECT sum(io.writes)::bigint FROM pg_stat_io io
     WHERE io.object = 'relation' AND io.backend_type NOT IN ('checkpointer', 'background writer')) AS buffers_backend,
    b.maxwritten_clean, c.stats_reset
FROM pg_stat_checkpointer c, pg_stat_bgwriter b;
