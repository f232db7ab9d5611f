SET lock_timeout = '2s';
CREATE TABLE funding_payments_2026_12b PARTITION OF funding_payments FOR VALUES FROM ('2026-12-15 00:00+00') TO ('2027-01-15 00:00+00');
