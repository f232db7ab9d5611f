SET lock_timeout = '2s';
ALTER TABLE interest_accruals ADD COLUMN accrued_at timestamptz DEFAULT clock_timestamp();
