BEGIN;
SET lock_timeout TO '10s';
ALTER TABLE "aml_alerts" RENAME TO "aml_cases";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
