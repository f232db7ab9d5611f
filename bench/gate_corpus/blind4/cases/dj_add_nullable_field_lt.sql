BEGIN;
--
-- Add field last_login_ip to account
--
SET lock_timeout = '2s';
ALTER TABLE "accounts" ADD COLUMN "last_login_ip" inet NULL;
COMMIT;
