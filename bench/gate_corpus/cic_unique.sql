SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS fills_trade_id_key ON fills (trade_id);
