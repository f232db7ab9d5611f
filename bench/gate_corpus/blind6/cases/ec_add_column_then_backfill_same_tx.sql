BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
ALTER TABLE wallets ADD COLUMN network text;
UPDATE wallets SET network = 'mainnet';
COMMIT;
