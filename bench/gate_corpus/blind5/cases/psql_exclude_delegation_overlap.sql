SET lock_timeout = '2s';
ALTER TABLE staking_delegations ADD CONSTRAINT staking_delegations_no_overlap EXCLUDE USING gist (customer_id WITH =, validator_id WITH =, tstzrange(started_at, ended_at) WITH &&);
