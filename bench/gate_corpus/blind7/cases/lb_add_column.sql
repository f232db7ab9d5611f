--liquibase formatted sql

--changeset perps:101
SET lock_timeout = '2s';
ALTER TABLE risk_limits ADD COLUMN effective_from timestamptz;
