--liquibase formatted sql

--changeset otc:108
SET lock_timeout = '2s';
ALTER TABLE payouts REPLICA IDENTITY FULL;
