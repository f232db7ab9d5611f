--liquibase formatted sql

--changeset exchange:42
SET lock_timeout = '2s';
ALTER TABLE withdrawals ADD COLUMN approved_at TIMESTAMPTZ;
