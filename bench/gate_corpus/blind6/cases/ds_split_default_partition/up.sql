-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE events DETACH PARTITION events_default;
ALTER TABLE events_default RENAME TO events_default_old;
CREATE TABLE events_2027_01 PARTITION OF events FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');
CREATE TABLE events_default PARTITION OF events DEFAULT;
INSERT INTO events SELECT * FROM events_default_old;
DROP TABLE events_default_old;
