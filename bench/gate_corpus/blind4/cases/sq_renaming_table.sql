SET lock_timeout = '2s';
ALTER TABLE outbox RENAME TO event_outbox;
