BEGIN;
SET lock_timeout = '2s';
ALTER TABLE deposits ADD COLUMN reviewed boolean;
COMMIT;
UPDATE deposits SET reviewed = false WHERE id <= 1000;
