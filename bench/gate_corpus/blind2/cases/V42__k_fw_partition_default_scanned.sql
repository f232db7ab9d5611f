SET lock_timeout = '2s';
CREATE TABLE balance_snapshots_2027q2 PARTITION OF balance_snapshots FOR VALUES FROM ('2027-04-01') TO ('2027-07-01');
