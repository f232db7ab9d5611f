--liquibase formatted sql

--changeset otc:107
ALTER TABLE payouts REPLICA IDENTITY FULL;
