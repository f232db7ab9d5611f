CREATE TABLE archive_audit_log_2026_08 AS SELECT * FROM audit_log WHERE occurred_at < '2026-09-01';
CREATE INDEX ON archive_audit_log_2026_08 (occurred_at);
