BEGIN;
SET lock_timeout = '2s';
DROP INDEX "trades_executed_idx";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
