-- Deploy exchange:margin_calls_deadline to pg

BEGIN;

CREATE INDEX margin_calls_deadline_idx ON margin_calls (deadline_at) WHERE resolved_at IS NULL;

COMMIT;
