-- migrate:up
SET lock_timeout = '2s';
DROP TABLE ledger;

-- migrate:down
SELECT 1;
