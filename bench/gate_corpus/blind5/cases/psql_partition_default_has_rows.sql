SET lock_timeout = '2s';
CREATE TABLE interest_accruals_2026_12 PARTITION OF interest_accruals FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
