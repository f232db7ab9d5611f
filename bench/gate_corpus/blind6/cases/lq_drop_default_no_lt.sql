--liquibase formatted sql

--changeset otc:104
ALTER TABLE payouts ALTER COLUMN status DROP DEFAULT;
