BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "kyc_cases" ADD "provider_case_id" character varying;
COMMENT ON COLUMN "kyc_cases"."provider_case_id" IS 'id at Sumsub/Onfido';
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
