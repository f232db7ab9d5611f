CREATE INDEX CONCURRENTLY liquidations_account_time_idx ON liquidations (account_id, liquidated_at);
