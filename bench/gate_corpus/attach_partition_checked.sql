SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE trades_2026_12 ADD CONSTRAINT trades_2026_12_bound CHECK (traded_at >= '2026-12-01' AND traded_at < '2027-01-01') NOT VALID;
ALTER TABLE trades_2026_12 VALIDATE CONSTRAINT trades_2026_12_bound;
ALTER TABLE trades ATTACH PARTITION trades_2026_12 FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
