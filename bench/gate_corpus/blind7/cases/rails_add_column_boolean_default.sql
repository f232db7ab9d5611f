BEGIN;
SET lock_timeout = '3s';
ALTER TABLE "positions" ADD "reduce_only" boolean DEFAULT FALSE NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
