-- migrate:up transaction:false
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_volume;

-- migrate:down
SELECT 1;
