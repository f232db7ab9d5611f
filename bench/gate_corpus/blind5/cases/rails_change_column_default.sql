BEGIN;
ALTER TABLE "customers" ALTER COLUMN "kyc_tier" SET DEFAULT 1;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
