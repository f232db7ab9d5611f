--liquibase formatted sql

--changeset lending:42
SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN liquidation_wallet_id smallint;
