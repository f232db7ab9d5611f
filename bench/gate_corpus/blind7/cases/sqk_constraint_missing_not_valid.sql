SET lock_timeout = '2s';
ALTER TABLE markets ADD CONSTRAINT markets_leverage_cap CHECK (max_leverage <= 125);
