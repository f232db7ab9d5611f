CREATE INDEX events_occurred_kind_idx ON events (occurred_at, kind);
