-- pgtune check --trace: full reads the server logs nothing for, counted in the traced session's open transaction
-- (pg_stat_xact_user_tables counts what the transaction did so far): each DEFAULT partition, read when a
-- partition is created or attached beside it (logged only when the scan can be skipped), and each table with a
-- column of a domain, read by ALTER DOMAIN ... ADD CONSTRAINT, VALIDATE CONSTRAINT or SET NOT NULL under a
-- SHARE lock (typecmds.c, validateDomainConstraint: no DEBUG1 message). Ordered by oid, the order the tables were
-- created in, so a statement that reads several lists them the same way on every run.
SELECT s.relid, s.seq_scan
FROM pg_stat_xact_user_tables s
WHERE s.relid IN (SELECT p.partdefid FROM pg_partitioned_table p WHERE p.partdefid <> 0)
   OR EXISTS (SELECT FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
              WHERE a.attrelid = s.relid AND a.attnum > 0 AND NOT a.attisdropped AND t.typtype = 'd')
ORDER BY s.relid
