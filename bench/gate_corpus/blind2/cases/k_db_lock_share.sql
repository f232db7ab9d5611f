-- migrate:up
LOCK TABLE wallets IN SHARE MODE;
UPDATE wallets SET label = 'treasury' WHERE id = 1;

-- migrate:down
SELECT 1;
