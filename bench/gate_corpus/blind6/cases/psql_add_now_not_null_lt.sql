SET lock_timeout = '2s';
ALTER TABLE wallets ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
