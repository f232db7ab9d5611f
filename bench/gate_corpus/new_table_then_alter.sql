SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE TABLE IF NOT EXISTS deposits (id bigint PRIMARY KEY, account_id bigint, amount numeric);
ALTER TABLE deposits ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
ALTER TABLE deposits ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE deposits ADD CONSTRAINT deposits_amount_positive CHECK (amount > 0);
CREATE INDEX IF NOT EXISTS deposits_account_idx ON deposits (account_id);
