--liquibase formatted sql

--changeset exchange:42
ALTER SEQUENCE settlement_batch_seq AS bigint MAXVALUE 9223372036854775807;
