SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN legacy_fee DROP NOT NULL;
