-- mix ecto.migrate --log-migrations-sql
CREATE INDEX CONCURRENTLY "kyc_cases_status_index" ON "kyc_cases" ("status");
