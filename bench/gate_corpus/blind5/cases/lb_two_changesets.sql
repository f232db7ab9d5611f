--liquibase formatted sql

--changeset lending:44
SET lock_timeout = '2s';
ALTER TABLE collateral_positions ADD COLUMN valuation_source text;
--rollback ALTER TABLE collateral_positions DROP COLUMN valuation_source;

--changeset lending:45
UPDATE collateral_positions SET valuation_source = 'kaiko' WHERE id <= 500;
