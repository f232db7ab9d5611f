SET lock_timeout = '2s';
ALTER TABLE insurance_fund_events ALTER COLUMN reason TYPE varchar(32);
