-- migrate:up
CREATE INDEX CONCURRENTLY idx_kyc_checks_counterparty ON kyc_checks (counterparty_id);

-- migrate:down
DROP INDEX idx_kyc_checks_counterparty;
