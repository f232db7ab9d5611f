--liquibase formatted sql

--changeset otc:103
SET lock_timeout = '2s';
ALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz(6);
