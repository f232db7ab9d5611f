BEGIN;
ALTER TABLE "wallets" VALIDATE CONSTRAINT "wallets_asset_fk";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
