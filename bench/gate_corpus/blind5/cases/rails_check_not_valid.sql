BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "staking_validators" ADD CONSTRAINT "commission_bps_range" CHECK (commission_bps BETWEEN 0 AND 10000) NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
