CREATE INDEX CONCURRENTLY IF NOT EXISTS treasury_transfers_requested_idx ON treasury_transfers (requested_at);
