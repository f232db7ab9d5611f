SET lock_timeout = '2s';
ALTER TABLE insurance_fund_movements ADD COLUMN seq serial;
