CREATE INDEX CONCURRENTLY refunds_reason_idx ON refunds (reason);
