-- Add migration script here
CREATE INDEX IF NOT EXISTS card_payments_token_idx ON card_payments (card_token);
