SET lock_timeout = '2s';
ALTER TABLE outbox REPLICA IDENTITY FULL;
