-- migrate:up
REFRESH MATERIALIZED VIEW open_interest;

-- migrate:down
SELECT 1;
