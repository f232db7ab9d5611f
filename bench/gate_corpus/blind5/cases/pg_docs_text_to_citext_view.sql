CREATE EXTENSION IF NOT EXISTS citext;
SET lock_timeout = '2s';
ALTER TABLE customers ALTER COLUMN email TYPE citext;
