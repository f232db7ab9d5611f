CREATE INDEX CONCURRENTLY audit_events_ip_idx ON audit_events ((payload ->> 'ip'));
