BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "margin_accounts" ALTER COLUMN "balance" TYPE decimal(38,10);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
