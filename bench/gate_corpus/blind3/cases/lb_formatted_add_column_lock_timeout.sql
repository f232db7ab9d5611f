--liquibase formatted sql

--changeset mkovac:42-1
SET lock_timeout = '2s';
ALTER TABLE markets ADD COLUMN delisting_at timestamptz;
--rollback ALTER TABLE markets DROP COLUMN delisting_at;
