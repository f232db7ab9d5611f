SET lock_timeout = '2s';
ALTER TABLE candles ADD CONSTRAINT candles_hl CHECK (high >= low);
