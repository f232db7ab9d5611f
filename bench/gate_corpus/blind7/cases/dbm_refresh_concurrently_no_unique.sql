-- migrate:up
REFRESH MATERIALIZED VIEW CONCURRENTLY open_interest;

-- migrate:down
SELECT 1;
