--liquibase formatted sql

--changeset lending:43 runInTransaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_actor_idx ON audit_log (actor);
