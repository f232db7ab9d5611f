-- migrate:up
LOCK TABLE balances IN EXCLUSIVE MODE;
UPDATE balances SET amount = 0 WHERE account_id = 1;

-- migrate:down
SELECT 1;
