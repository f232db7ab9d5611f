BEGIN;
SET lock_timeout = '2s';
ALTER TABLE margin_accounts ADD COLUMN margin_call_level numeric;
UPDATE margin_accounts SET margin_call_level = 0.8 WHERE mode = 'isolated';
COMMIT;
