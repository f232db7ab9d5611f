SET lock_timeout = '2s';
ALTER TABLE staking_rewards ADD CONSTRAINT staking_rewards_kind_chk CHECK (kind IN ('reward', 'slashing', 'mev')) NOT VALID;
