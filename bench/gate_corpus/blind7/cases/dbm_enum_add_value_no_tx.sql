-- migrate:up transaction:false
ALTER TYPE order_kind ADD VALUE IF NOT EXISTS 'iceberg';

-- migrate:down
SELECT 1;
