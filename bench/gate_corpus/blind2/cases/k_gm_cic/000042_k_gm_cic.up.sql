CREATE INDEX CONCURRENTLY IF NOT EXISTS withdrawals_tx_hash_idx ON withdrawals (tx_hash);
