BEGIN;
SET LOCAL lock_timeout = '2s';
UPDATE settlements SET status = lower(status);
COMMIT;
