BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "validator_commission_periods" ADD CONSTRAINT "commission_periods_no_gap" EXCLUDE USING gist ("validator_id" WITH =, "effective" WITH -|-);
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
