-- migrate:up
COMMENT ON TABLE refunds IS 'refunds';

-- migrate:down
SELECT 1;
