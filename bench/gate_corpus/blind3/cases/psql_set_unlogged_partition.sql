SET lock_timeout = '2s';
ALTER TABLE price_index_ticks_2026_10 SET UNLOGGED;
