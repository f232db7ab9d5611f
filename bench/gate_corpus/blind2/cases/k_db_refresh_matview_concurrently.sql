-- migrate:up
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_flows;

-- migrate:down
SELECT 1;
