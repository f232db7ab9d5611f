-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE treasury_wallets ADD COLUMN reserved crypto_amount NOT NULL DEFAULT 0;

-- migrate:down
ALTER TABLE treasury_wallets DROP COLUMN reserved;
