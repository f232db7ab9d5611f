BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
ALTER TABLE quotes ALTER COLUMN ref SET DEFAULT gen_random_uuid();
COMMIT;
