SET lock_timeout = '2s';
ALTER TABLE insurance_fund_events ADD COLUMN seq serial;
