-- pgtune demo --timescaledb: trades and candles as TimescaleDB hypertables, made before the data goes in. A
-- hypertable's unique keys must hold its time column, so the trades key becomes (trade_id, executed_at).
ALTER TABLE trades DROP CONSTRAINT trades_pkey, ADD PRIMARY KEY (trade_id, executed_at);
SELECT create_hypertable('trades', by_range('executed_at', INTERVAL '1 day'));
SELECT create_hypertable('candles', by_range('bucket', INTERVAL '7 days'));
