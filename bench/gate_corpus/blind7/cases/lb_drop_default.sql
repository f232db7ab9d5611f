--liquibase formatted sql

--changeset perps:110
SET lock_timeout = '2s';
ALTER TABLE markets ALTER COLUMN quote_asset DROP DEFAULT;
