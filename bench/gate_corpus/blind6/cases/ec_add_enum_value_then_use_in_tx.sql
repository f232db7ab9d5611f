BEGIN;
-- mix ecto.migrate --log-migrations-sql
ALTER TYPE payout_status ADD VALUE 'on_hold';
UPDATE payouts SET status = 'on_hold' WHERE id = 2;
COMMIT;
