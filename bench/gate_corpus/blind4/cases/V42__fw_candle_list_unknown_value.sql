SET lock_timeout = '2s';
CREATE TABLE candles_15m PARTITION OF candles FOR VALUES IN ('15m');
