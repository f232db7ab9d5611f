SET lock_timeout = '2s';
ALTER TABLE funding_payments ADD COLUMN settled_at timestamptz DEFAULT clock_timestamp();
