SET lock_timeout = '2s';
ALTER TABLE interest_accruals ADD COLUMN currency text NOT NULL DEFAULT 'USD';
