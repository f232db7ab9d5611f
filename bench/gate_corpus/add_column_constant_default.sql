SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS fee_rate numeric NOT NULL DEFAULT 0.001;
