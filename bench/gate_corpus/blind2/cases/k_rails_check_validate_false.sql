BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "clients" ADD CONSTRAINT "chk_rails_kyc_level" CHECK (kyc_level BETWEEN 0 AND 3) NOT VALID;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
