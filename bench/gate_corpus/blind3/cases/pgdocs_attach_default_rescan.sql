SET lock_timeout = '2s';
ALTER TABLE funding_payments DETACH PARTITION funding_payments_2026_12;
ALTER TABLE funding_payments ATTACH PARTITION funding_payments_2026_12 FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
