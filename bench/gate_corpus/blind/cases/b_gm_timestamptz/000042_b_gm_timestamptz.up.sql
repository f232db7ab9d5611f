SET lock_timeout = '2s';
ALTER TABLE payments ALTER COLUMN captured_at TYPE timestamptz;
