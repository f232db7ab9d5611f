SET lock_timeout = '2s';
CREATE TABLE interest_accruals_2027_01 PARTITION OF interest_accruals FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
