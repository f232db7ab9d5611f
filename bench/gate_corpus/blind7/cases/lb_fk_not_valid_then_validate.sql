--liquibase formatted sql

--changeset otc:1
SET lock_timeout = '2s';
ALTER TABLE liquidations ADD CONSTRAINT liquidations_fund_fk FOREIGN KEY (insurance_fund_id) REFERENCES insurance_funds (id) NOT VALID;

--changeset otc:2
ALTER TABLE liquidations VALIDATE CONSTRAINT liquidations_fund_fk;
