SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS imported_at timestamptz DEFAULT now();
