--liquibase formatted sql

--changeset otc:105
SET lock_timeout = '2s';
ALTER TABLE payouts ALTER COLUMN status SET DEFAULT 'processing';
