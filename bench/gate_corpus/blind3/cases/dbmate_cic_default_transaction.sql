-- migrate:up
CREATE INDEX CONCURRENTLY idx_insurance_events_created ON insurance_fund_events (created_at);

-- migrate:down
DROP INDEX idx_insurance_events_created;
