--
-- Concurrently remove index positions_open_idx from position
--
DROP INDEX CONCURRENTLY IF EXISTS "positions_open_idx";
