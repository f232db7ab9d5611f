ALTER TABLE markets ADD COLUMN circuit_breaker_bps integer;
