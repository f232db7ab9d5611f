SET lock_timeout = '2s';
CREATE TABLE price_index_ticks_2027_01 PARTITION OF price_index_ticks
    FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
