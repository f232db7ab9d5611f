BEGIN;
-- mix ecto.migrate --log-migrations-sql
CREATE INDEX "kyc_cases_status_index" ON "kyc_cases" ("status");
COMMIT;
