SET lock_timeout = '2s';
CREATE INDEX candles_symbol_idx ON candles (symbol);
