--liquibase formatted sql

--changeset perps:102
CREATE INDEX CONCURRENTLY liquidations_fund_idx ON liquidations (insurance_fund_id);
