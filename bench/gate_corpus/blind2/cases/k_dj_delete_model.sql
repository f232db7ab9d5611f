BEGIN;
--
-- Delete model LegacyColdStorage
--
SET lock_timeout = '2s';
DROP TABLE "legacy_cold_storage" CASCADE;
COMMIT;
