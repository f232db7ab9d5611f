--liquibase formatted sql

--changeset custody-platform:45
ALTER TYPE wallet_kind ADD VALUE IF NOT EXISTS 'mpc' AFTER 'warm';
--rollback SELECT 1;
