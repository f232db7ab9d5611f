SET lock_timeout = '2s';
ALTER TABLE validator_commission_periods ADD COLUMN id serial PRIMARY KEY;
