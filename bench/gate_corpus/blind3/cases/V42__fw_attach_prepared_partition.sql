SET lock_timeout = '2s';
CREATE TABLE price_index_ticks_2027_02 (LIKE price_index_ticks INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE price_index_ticks_2027_02 ADD CONSTRAINT ticks_2027_02_range CHECK (ts >= '2027-02-01' AND ts < '2027-03-01');
ALTER TABLE price_index_ticks ATTACH PARTITION price_index_ticks_2027_02 FOR VALUES FROM ('2027-02-01') TO ('2027-03-01');
