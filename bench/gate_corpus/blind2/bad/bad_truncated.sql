SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY withdrawals_destination_idx ON withdrawals (dest