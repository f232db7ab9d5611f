--liquibase formatted sql

--changeset custody-platform:43
SET lock_timeout = '2s';
ALTER TABLE deposits ALTER COLUMN credited_at SET NOT NULL;
--rollback ALTER TABLE deposits ALTER COLUMN credited_at DROP NOT NULL;
