-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE margin_calls ADD CONSTRAINT margin_calls_notified_via_nn CHECK (notified_via IS NOT NULL) NOT VALID;
ALTER TABLE margin_calls VALIDATE CONSTRAINT margin_calls_notified_via_nn;
ALTER TABLE margin_calls ALTER COLUMN notified_via SET NOT NULL;
ALTER TABLE margin_calls DROP CONSTRAINT margin_calls_notified_via_nn;

-- migrate:down
ALTER TABLE margin_calls ALTER COLUMN notified_via DROP NOT NULL;
