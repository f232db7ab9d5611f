--liquibase formatted sql

--changeset otc:101
SET lock_timeout = '2s';
ALTER TABLE wallets ADD COLUMN tags text[] DEFAULT '{}';
