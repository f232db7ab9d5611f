BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "loans" ALTER COLUMN "apr_bps" TYPE bigint;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
