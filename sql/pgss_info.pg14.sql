-- pg_stat_statements_info exists from PostgreSQL 14 on.
SELECT stats_reset, dealloc AS deallocations FROM {pgss}.pg_stat_statements_info;
