BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "wallets" ADD "risk_flag" boolean;
UPDATE "wallets" SET "risk_flag" = FALSE;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
