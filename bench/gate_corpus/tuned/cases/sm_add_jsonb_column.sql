BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" ADD "attrs" jsonb;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
