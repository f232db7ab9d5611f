--liquibase formatted sql

--changeset otc:1
SET lock_timeout = '2s';
ALTER TABLE insurance_fund_movements ADD CONSTRAINT movements_fund_fk2 FOREIGN KEY (fund_id) REFERENCES insurance_funds (id) NOT VALID;

--changeset otc:2
ALTER TABLE insurance_fund_movements VALIDATE CONSTRAINT movements_fund_fk2;
