BEGIN;
-- mix ecto.migrate --log-migrations-sql
CREATE EXTENSION IF NOT EXISTS pg_trgm;
COMMIT;
