CREATE INDEX IF NOT EXISTS positions_account_idx ON positions (account_id);
