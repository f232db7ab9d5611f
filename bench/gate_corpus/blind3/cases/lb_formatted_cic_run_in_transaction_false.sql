--liquibase formatted sql

--changeset mkovac:42-3 runInTransaction:false
CREATE INDEX CONCURRENTLY idx_margin_accounts_updated ON margin_accounts (updated_at);
--rollback DROP INDEX CONCURRENTLY idx_margin_accounts_updated;
