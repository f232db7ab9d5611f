SET lock_timeout = '2s';
ALTER TABLE balances ALTER COLUMN amount SET NOT NULL;
