-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE risk_limits ALTER COLUMN max_notional TYPE numeric(40,2);

-- migrate:down
ALTER TABLE risk_limits ALTER COLUMN max_notional TYPE numeric(38,2);
