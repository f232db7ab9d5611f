BEGIN;
--
-- Add field last_login_ip to account
--
ALTER TABLE "accounts" ADD COLUMN "last_login_ip" inet NULL;
COMMIT;
