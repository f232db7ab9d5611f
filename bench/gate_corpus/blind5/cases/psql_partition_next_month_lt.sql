SET lock_timeout = '2s';
CREATE TABLE journal_lines_2027_01 PARTITION OF journal_lines FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
