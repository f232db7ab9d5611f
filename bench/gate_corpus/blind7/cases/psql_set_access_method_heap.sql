SET lock_timeout = '2s';
ALTER TABLE audit_events SET ACCESS METHOD heap;
