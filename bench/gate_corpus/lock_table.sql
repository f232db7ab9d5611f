BEGIN;
LOCK TABLE balances IN EXCLUSIVE MODE;
UPDATE balances SET amount = amount WHERE account_id = 1;
COMMIT;
