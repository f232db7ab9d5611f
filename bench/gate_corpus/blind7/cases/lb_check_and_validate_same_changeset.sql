--liquibase formatted sql

--changeset perps:104
SET lock_timeout = '2s';
ALTER TABLE insurance_fund_movements ADD CONSTRAINT movements_amount_nonzero CHECK (amount <> 0) NOT VALID;
ALTER TABLE insurance_fund_movements VALIDATE CONSTRAINT movements_amount_nonzero;
