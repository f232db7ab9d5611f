BEGIN;
-- mix ecto.migrate --log-migrations-sql
UPDATE referral_payouts SET paid_at = now() WHERE paid_at IS NULL;
COMMIT;
