SET lock_timeout = '2s';
UPDATE staking_validators SET commission_bps = 10000 WHERE commission_bps > 10000;
ALTER TABLE staking_validators ADD CONSTRAINT commission_bps_range CHECK (commission_bps BETWEEN 0 AND 10000) NOT VALID;
ALTER TABLE staking_validators VALIDATE CONSTRAINT commission_bps_range;
