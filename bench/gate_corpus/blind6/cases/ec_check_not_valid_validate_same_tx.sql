BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
ALTER TABLE trades ADD CONSTRAINT trades_fee_nonneg CHECK (fee >= 0) NOT VALID;
ALTER TABLE trades VALIDATE CONSTRAINT trades_fee_nonneg;
COMMIT;
