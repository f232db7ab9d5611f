-- migrate:up
REFRESH MATERIALIZED VIEW daily_flows;

-- migrate:down
SELECT 1;
