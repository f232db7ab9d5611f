-- When pg_stat_statements was last reset, and how many entries it evicted for want of room.
SELECT stats_reset, dealloc AS deallocations FROM {pgss}.pg_stat_statements_info;
