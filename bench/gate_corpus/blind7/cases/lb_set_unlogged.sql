--liquibase formatted sql

--changeset perps:108
SET lock_timeout = '2s';
ALTER TABLE mark_price_cache SET LOGGED;
