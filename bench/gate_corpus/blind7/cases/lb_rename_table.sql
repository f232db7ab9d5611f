--liquibase formatted sql

--changeset perps:106
SET lock_timeout = '2s';
ALTER TABLE mark_price_cache RENAME TO mark_prices;
