SET lock_timeout = '2s';
CREATE INDEX events_kind_idx ON ONLY events (kind);
CREATE INDEX CONCURRENTLY events_2026_01_kind_idx ON events_2026_01 (kind);
CREATE INDEX CONCURRENTLY events_2026_02_kind_idx ON events_2026_02 (kind);
ALTER INDEX events_kind_idx ATTACH PARTITION events_2026_01_kind_idx;
ALTER INDEX events_kind_idx ATTACH PARTITION events_2026_02_kind_idx;
