SET lock_timeout = '2s';
ALTER TABLE validator_commission_periods ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
