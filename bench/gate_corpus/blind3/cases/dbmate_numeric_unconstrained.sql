-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE positions ALTER COLUMN realized_pnl TYPE numeric;

-- migrate:down
ALTER TABLE positions ALTER COLUMN realized_pnl TYPE numeric(38,8);
