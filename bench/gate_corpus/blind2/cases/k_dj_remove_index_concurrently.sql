--
-- Concurrently remove index withdrawals_open_idx from withdrawal
--
DROP INDEX CONCURRENTLY IF EXISTS "withdrawals_open_idx";
