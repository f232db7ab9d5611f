BEGIN;
SET lock_timeout = '3s';
ALTER TABLE "risk_limits" ALTER COLUMN "tier" TYPE bigint;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
