SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE trades ATTACH PARTITION trades_2026_12 FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
