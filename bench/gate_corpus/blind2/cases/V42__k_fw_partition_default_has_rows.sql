SET lock_timeout = '2s';
CREATE TABLE balance_snapshots_2027q1 PARTITION OF balance_snapshots FOR VALUES FROM ('2027-01-01') TO ('2027-04-01');
