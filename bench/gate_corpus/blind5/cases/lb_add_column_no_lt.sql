--liquibase formatted sql

--changeset lending:42
ALTER TABLE loans ADD COLUMN liquidation_wallet_id smallint;
