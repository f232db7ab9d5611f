SET lock_timeout = '2s';
BEGIN;
ALTER TABLE users ADD COLUMN marketing_opt_in boolean;
UPDATE users SET marketing_opt_in = false;
COMMIT;
