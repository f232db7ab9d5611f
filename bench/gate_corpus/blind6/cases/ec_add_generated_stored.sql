BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
ALTER TABLE trades ADD COLUMN fee_bps numeric GENERATED ALWAYS AS (fee / notional * 10000) STORED;
COMMIT;
