-- migrate:up
DROP TYPE margin_mode;

-- migrate:down
SELECT 1;
