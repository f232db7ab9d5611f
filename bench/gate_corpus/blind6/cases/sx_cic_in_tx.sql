-- Add migration script here
CREATE INDEX CONCURRENTLY idx_audit_entity ON audit_log (entity, entity_id);
