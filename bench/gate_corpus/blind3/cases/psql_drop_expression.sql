SET lock_timeout = '2s';
ALTER TABLE positions ALTER COLUMN notional DROP EXPRESSION;
