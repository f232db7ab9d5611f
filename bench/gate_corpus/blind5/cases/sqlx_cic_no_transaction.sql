-- no-transaction
-- Add migration script here
CREATE INDEX CONCURRENTLY IF NOT EXISTS card_payments_token_idx ON card_payments (card_token);
