--liquibase formatted sql

--changeset mkovac:42-4
CREATE INDEX CONCURRENTLY idx_margin_accounts_updated ON margin_accounts (updated_at);
--rollback DROP INDEX idx_margin_accounts_updated;
