BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "wallets" RENAME COLUMN "nickname" TO "label";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
