BEGIN;
--
-- Alter unique_together for apikey (1 constraint(s))
--
SET lock_timeout = '2s';
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_id_label_uniq" UNIQUE ("account_id", "label");
COMMIT;
