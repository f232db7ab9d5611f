CREATE INDEX CONCURRENTLY audit_events_day_idx ON audit_events (date_trunc('day', at));
