--liquibase formatted sql

--changeset perps:101
ALTER TABLE risk_limits ADD COLUMN effective_from timestamptz;
