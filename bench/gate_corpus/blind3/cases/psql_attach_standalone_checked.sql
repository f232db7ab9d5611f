SET lock_timeout = '2s';
ALTER TABLE price_index_ticks_2026_09 ADD CONSTRAINT ticks_2026_09_bound CHECK (ts IS NOT NULL AND ts >= '2026-09-01' AND ts < '2026-10-01') NOT VALID;
ALTER TABLE price_index_ticks_2026_09 VALIDATE CONSTRAINT ticks_2026_09_bound;
ALTER TABLE price_index_ticks ATTACH PARTITION price_index_ticks_2026_09
    FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');
ALTER TABLE price_index_ticks_2026_09 DROP CONSTRAINT ticks_2026_09_bound;
