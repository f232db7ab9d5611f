-- Your SQL goes here
UPDATE staking_validators SET operator = lower(operator);
