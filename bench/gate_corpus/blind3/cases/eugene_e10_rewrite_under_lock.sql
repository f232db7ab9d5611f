BEGIN;
SET lock_timeout = '2s';
ALTER TABLE margin_calls ADD COLUMN note text;
ALTER TABLE margin_calls ALTER COLUMN margin_ratio TYPE numeric(12, 8);
COMMIT;
