BEGIN;
SET lock_timeout = '2s';
ALTER TABLE deposits ADD COLUMN reviewed boolean;
UPDATE deposits SET reviewed = false WHERE credited_at IS NULL;
COMMIT;
