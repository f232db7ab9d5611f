BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout TO '2s';
ALTER TABLE "api_keys" ALTER COLUMN "label" TYPE text;
COMMIT;
