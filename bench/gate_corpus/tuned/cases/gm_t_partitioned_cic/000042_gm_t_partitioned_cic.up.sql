CREATE INDEX CONCURRENTLY candles_symbol_idx ON candles (symbol);
