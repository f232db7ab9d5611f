SET lock_timeout = '2s';
ALTER TABLE audit_events ADD COLUMN event_uuid uuid DEFAULT uuidv7();
