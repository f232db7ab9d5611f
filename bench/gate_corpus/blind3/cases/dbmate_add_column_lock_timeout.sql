-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE insurance_fund_events ADD COLUMN approved_by text;

-- migrate:down
ALTER TABLE insurance_fund_events DROP COLUMN approved_by;
