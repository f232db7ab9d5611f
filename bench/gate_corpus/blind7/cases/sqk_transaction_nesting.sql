BEGIN;
SET lock_timeout = '2s';
ALTER TABLE markets ADD COLUMN iso_code text;
BEGIN;
ALTER TABLE markets ADD COLUMN iso_code2 text;
COMMIT;
COMMIT;
