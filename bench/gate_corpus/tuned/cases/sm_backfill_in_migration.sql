BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "orders" ADD "fee_bps" integer;
UPDATE "orders" SET "fee_bps" = 10;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
