SET lock_timeout = '2s';
CREATE TABLE payouts_2026q3 PARTITION OF payouts FOR VALUES FROM ('2026-07-01') TO ('2026-10-01');
