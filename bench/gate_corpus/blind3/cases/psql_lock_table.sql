BEGIN;
LOCK TABLE margin_accounts IN EXCLUSIVE MODE;
UPDATE margin_accounts SET locked_margin = 0 WHERE id = 42;
COMMIT;
