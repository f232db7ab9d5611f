--liquibase formatted sql

--changeset custody-platform:44
SET lock_timeout = '2s';
ALTER TABLE withdrawals ALTER COLUMN destination DROP NOT NULL;
--rollback ALTER TABLE withdrawals ALTER COLUMN destination SET NOT NULL;
