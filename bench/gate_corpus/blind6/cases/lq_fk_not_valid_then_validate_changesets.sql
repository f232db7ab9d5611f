--liquibase formatted sql

--changeset otc:1
SET lock_timeout = '2s';
ALTER TABLE kyc_checks ADD CONSTRAINT kyc_checks_cp_fk2 FOREIGN KEY (counterparty_id) REFERENCES counterparties (id) NOT VALID;

--changeset otc:2
ALTER TABLE kyc_checks VALIDATE CONSTRAINT kyc_checks_cp_fk2;
