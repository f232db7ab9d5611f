CREATE UNIQUE INDEX CONCURRENTLY validator_commission_periods_pkey ON validator_commission_periods (validator_id, effective);
SET lock_timeout = '2s';
ALTER TABLE validator_commission_periods ADD CONSTRAINT validator_commission_periods_pkey PRIMARY KEY USING INDEX validator_commission_periods_pkey;
