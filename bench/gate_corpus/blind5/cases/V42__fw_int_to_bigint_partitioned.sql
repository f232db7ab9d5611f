SET lock_timeout = '2s';
ALTER TABLE interest_accruals ALTER COLUMN rate_bps TYPE bigint;
