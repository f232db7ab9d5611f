-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE liquidations ADD COLUMN bankruptcy_price numeric(28, 10);

-- migrate:down
ALTER TABLE liquidations DROP COLUMN bankruptcy_price;
