-- migrate:up
DROP MATERIALIZED VIEW open_interest;

-- migrate:down
SELECT 1;
