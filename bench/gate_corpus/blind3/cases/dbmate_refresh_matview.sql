-- migrate:up
REFRESH MATERIALIZED VIEW daily_funding;

-- migrate:down
SELECT 1;
