-- migrate:up
DELETE FROM counterparties WHERE id = 5;

-- migrate:down
SELECT 1;
