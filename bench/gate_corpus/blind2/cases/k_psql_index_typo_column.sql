CREATE INDEX CONCURRENTLY withdrawals_status_idx ON withdrawals (status);
