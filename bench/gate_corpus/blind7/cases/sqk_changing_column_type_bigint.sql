SET lock_timeout = '2s';
ALTER TABLE liquidations ALTER COLUMN insurance_fund_id TYPE bigint;
