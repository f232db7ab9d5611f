SET lock_timeout = '2s';
ALTER TABLE audit_events ADD COLUMN position_id bigint;
CREATE INDEX CONCURRENTLY audit_events_position_idx ON audit_events (position_id);
