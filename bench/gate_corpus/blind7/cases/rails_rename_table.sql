BEGIN;
SET lock_timeout = '3s';
ALTER TABLE "insurance_fund_movements" RENAME TO "insurance_fund_ledger";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
