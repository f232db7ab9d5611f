BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET LOCAL lock_timeout = '5s';
ALTER TABLE "card_payments" ADD CONSTRAINT "fee_nonnegative" CHECK (fee_minor >= 0) NOT VALID;
COMMIT;
