-- migrate:up
REFRESH MATERIALIZED VIEW daily_volume;

-- migrate:down
SELECT 1;
