SET lock_timeout = '2s';
ALTER TABLE staking_rewards ADD CONSTRAINT staking_rewards_validator_fk FOREIGN KEY (validator_id) REFERENCES staking_validators (id);
