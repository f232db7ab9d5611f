-- migrate:up
SET lock_timeout = '1s';
ALTER TABLE address_book ADD COLUMN verified boolean;

-- migrate:down
ALTER TABLE address_book DROP COLUMN verified;
