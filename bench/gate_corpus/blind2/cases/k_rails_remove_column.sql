BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "clients" DROP COLUMN "referral_code";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
