BEGIN;
SET LOCAL lock_timeout = '2s';
CREATE TABLE orders_2027_01_new (LIKE orders INCLUDING DEFAULTS);
INSERT INTO orders_2027_01_new SELECT * FROM orders_default WHERE created_at >= '2027-01-01' AND created_at < '2027-02-01';
DELETE FROM orders_default WHERE created_at >= '2027-01-01' AND created_at < '2027-02-01';
ALTER TABLE orders_2027_01_new ADD CONSTRAINT orders_2027_01_range CHECK (created_at >= '2027-01-01 00:00+00' AND created_at < '2027-02-01 00:00+00');
ALTER TABLE orders ATTACH PARTITION orders_2027_01_new FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');
COMMIT;
