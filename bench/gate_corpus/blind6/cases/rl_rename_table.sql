BEGIN;
ALTER TABLE "bank_accounts" RENAME TO "payout_bank_accounts";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
