--liquibase formatted sql

--changeset lending:51
CREATE SEQUENCE IF NOT EXISTS loan_number_seq AS bigint START 100000;
