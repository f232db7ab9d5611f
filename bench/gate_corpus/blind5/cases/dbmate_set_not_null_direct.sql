-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE margin_calls ALTER COLUMN notified_via SET NOT NULL;

-- migrate:down
ALTER TABLE margin_calls ALTER COLUMN notified_via DROP NOT NULL;
