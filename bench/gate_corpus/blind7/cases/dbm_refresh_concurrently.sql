-- migrate:up
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_funding;

-- migrate:down
SELECT 1;
