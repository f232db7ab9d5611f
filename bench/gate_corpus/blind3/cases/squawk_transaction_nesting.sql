BEGIN;
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE markets ADD COLUMN settlement_asset text;
COMMIT;
COMMIT;
