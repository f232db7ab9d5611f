BEGIN;
SET LOCAL lock_timeout = '1s';
ALTER TABLE "payouts" ADD "note" text;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
