SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN created_at DROP DEFAULT;
