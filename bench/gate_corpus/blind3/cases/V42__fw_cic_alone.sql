CREATE INDEX CONCURRENTLY idx_margin_calls_open ON margin_calls (account_id) WHERE resolved_at IS NULL;
