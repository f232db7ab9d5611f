SET lock_timeout = '2s';
CREATE TABLE funding_payments_2027_03 PARTITION OF funding_payments
    FOR VALUES FROM ('2027-03-01') TO ('2027-04-01');
