-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE treasury_transfers RENAME COLUMN external_address TO destination_address;

-- migrate:down
ALTER TABLE treasury_transfers RENAME COLUMN destination_address TO external_address;
