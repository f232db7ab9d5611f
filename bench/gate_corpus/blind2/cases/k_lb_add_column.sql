--liquibase formatted sql

--changeset custody-platform:42
SET lock_timeout = '3s';
ALTER TABLE approvals ADD COLUMN comment text;
--rollback ALTER TABLE approvals DROP COLUMN comment;
