BEGIN;
ALTER TABLE "wallets" ALTER COLUMN "kind" SET DEFAULT 'warm';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
