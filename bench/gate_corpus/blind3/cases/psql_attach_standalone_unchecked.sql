SET lock_timeout = '2s';
ALTER TABLE price_index_ticks ATTACH PARTITION price_index_ticks_2026_09
    FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');
