SET lock_timeout = '2s';
ALTER TABLE insurance_fund_events ADD CONSTRAINT liquidation_id_present CHECK (liquidation_id IS NOT NULL) NOT VALID;
