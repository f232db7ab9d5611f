CREATE INDEX CONCURRENTLY idx_funding_payments_market ON funding_payments (market_id);
