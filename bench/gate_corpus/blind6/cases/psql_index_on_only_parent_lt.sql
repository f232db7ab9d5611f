BEGIN;
SET LOCAL lock_timeout = '2s';
CREATE INDEX events_kind_idx ON ONLY events (kind);
COMMIT;
