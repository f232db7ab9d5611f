-- Deploy otc:ix_rfqs_expires to pg

CREATE INDEX CONCURRENTLY rfqs_expires_at_idx ON rfqs (expires_at);
