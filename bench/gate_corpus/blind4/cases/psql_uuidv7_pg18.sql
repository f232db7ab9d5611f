SET lock_timeout = '2s';
ALTER TABLE outbox ADD COLUMN event_id uuid DEFAULT uuidv7();
