SET lock_timeout = '2s';
CREATE TABLE journal_lines_2027_01 (LIKE journal_lines INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE journal_lines_2027_01 ADD CONSTRAINT journal_lines_2027_01_bounds CHECK (posted_at >= '2027-01-01' AND posted_at < '2027-02-01');
ALTER TABLE journal_lines ATTACH PARTITION journal_lines_2027_01 FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
