BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout TO '2s';
ALTER TABLE "accounts" ADD CONSTRAINT "country_upper" CHECK (country = upper(country));
COMMIT;
