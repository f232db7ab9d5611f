BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "balances" RENAME TO "wallet_balances";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
