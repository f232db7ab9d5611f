-- PostgreSQL 13 keeps no reset time for pg_stat_statements.
SELECT NULL::timestamptz AS stats_reset, NULL::bigint AS deallocations;
