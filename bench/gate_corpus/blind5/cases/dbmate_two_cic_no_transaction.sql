-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS card_payments_captured_idx ON card_payments (captured_at);
CREATE INDEX CONCURRENTLY IF NOT EXISTS card_payments_merchant_idx ON card_payments (merchant_name);

-- migrate:down
DROP INDEX IF EXISTS card_payments_captured_idx;
DROP INDEX IF EXISTS card_payments_merchant_idx;
