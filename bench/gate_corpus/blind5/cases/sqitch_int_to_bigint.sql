-- Deploy exchange:reward_epoch_bigint to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE staking_rewards ALTER COLUMN epoch TYPE bigint;

COMMIT;
