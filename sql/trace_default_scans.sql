-- pgtune check --trace: full reads of each DEFAULT partition in the traced session's open transaction
-- (pg_stat_xact_user_tables counts what the transaction did so far). PostgreSQL scans the DEFAULT partition
-- when a partition is created or attached beside it and logs nothing unless it can skip the scan.
SELECT s.relid, s.seq_scan
FROM pg_partitioned_table p
JOIN pg_stat_xact_user_tables s ON s.relid = p.partdefid
WHERE p.partdefid <> 0;
