CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX CONCURRENTLY IF NOT EXISTS card_payments_merchant_trgm ON card_payments USING gin (merchant_name gin_trgm_ops);
