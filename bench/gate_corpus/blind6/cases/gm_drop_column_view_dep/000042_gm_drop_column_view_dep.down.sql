ALTER TABLE payouts ADD COLUMN requested_at timestamptz;
