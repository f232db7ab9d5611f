SET lock_timeout = '2s';
CREATE TABLE funding_payments_2027_01 PARTITION OF funding_payments FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');
