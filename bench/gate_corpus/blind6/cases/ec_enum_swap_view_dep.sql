BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
CREATE TYPE payout_status_v2 AS ENUM ('pending', 'processing', 'sent', 'failed');
ALTER TABLE payouts ALTER COLUMN status TYPE payout_status_v2 USING status::text::payout_status_v2;
COMMIT;
