SET lock_timeout = '2s';
CREATE TABLE orders_default PARTITION OF orders DEFAULT;
