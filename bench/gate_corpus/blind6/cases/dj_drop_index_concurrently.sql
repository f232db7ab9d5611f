--
-- Concurrently remove index rfqs_counterparty_idx
--
DROP INDEX CONCURRENTLY IF EXISTS "rfqs_counterparty_idx";
