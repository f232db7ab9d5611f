SET lock_timeout = '2s';
CREATE INDEX candles_symbol_idx ON ONLY candles (symbol);
CREATE INDEX CONCURRENTLY candles_2026_11_symbol_idx ON candles_2026_11 (symbol);
CREATE INDEX CONCURRENTLY candles_2026_12_symbol_idx ON candles_2026_12 (symbol);
ALTER INDEX candles_symbol_idx ATTACH PARTITION candles_2026_11_symbol_idx;
ALTER INDEX candles_symbol_idx ATTACH PARTITION candles_2026_12_symbol_idx;
