BEGIN;
SET lock_timeout = '2s';
ALTER TABLE staking_delegations ADD COLUMN note text;
ALTER TABLE staking_delegations ALTER COLUMN amount TYPE numeric(40, 18);
COMMIT;
