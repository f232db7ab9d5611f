SET lock_timeout = '2s';
ALTER TABLE margin_calls ADD COLUMN escalated boolean;
CREATE INDEX CONCURRENTLY idx_margin_calls_escalated ON margin_calls (escalated);
