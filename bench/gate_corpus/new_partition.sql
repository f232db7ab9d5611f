SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE TABLE IF NOT EXISTS trades_2027_01 PARTITION OF trades FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
