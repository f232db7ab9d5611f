SET lock_timeout = '2s';
ALTER TABLE insurance_fund_events ADD COLUMN margin_account_id bigint;
CREATE INDEX CONCURRENTLY index_insurance_fund_events_on_margin_account_id ON insurance_fund_events (margin_account_id);
