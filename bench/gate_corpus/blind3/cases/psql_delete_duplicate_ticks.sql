DELETE FROM price_index_ticks_2026_10 a USING price_index_ticks_2026_10 b
WHERE a.ctid < b.ctid AND a.market_id = b.market_id AND a.ts = b.ts;
