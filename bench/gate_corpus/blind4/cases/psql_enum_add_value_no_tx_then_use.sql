ALTER TYPE candle_interval ADD VALUE IF NOT EXISTS '15m' AFTER '5m';
SET lock_timeout = '2s';
CREATE TABLE candles_15m PARTITION OF candles FOR VALUES IN ('15m');
