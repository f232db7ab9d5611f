--liquibase formatted sql

--changeset lending:50
SET lock_timeout = '2s';
ALTER TABLE card_payments ALTER COLUMN mcc SET NOT NULL;
