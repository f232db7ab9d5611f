SET lock_timeout = '1s';
SET statement_timeout = '5s';
ALTER TABLE markets ADD COLUMN circuit_breaker_bps integer;
