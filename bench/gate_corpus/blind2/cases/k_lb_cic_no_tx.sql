--liquibase formatted sql

--changeset custody-platform:41 runInTransaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS withdrawals_requested_idx ON withdrawals (requested_at);
--rollback DROP INDEX CONCURRENTLY IF EXISTS withdrawals_requested_idx;
