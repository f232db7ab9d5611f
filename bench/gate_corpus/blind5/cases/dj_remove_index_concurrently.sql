--
-- Concurrently remove index aml_alerts_open_idx from amlalert
--
DROP INDEX CONCURRENTLY IF EXISTS "aml_alerts_open_idx";
