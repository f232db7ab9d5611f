--liquibase formatted sql

--changeset perps:102 runInTransaction:false
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY liquidations_fund_idx ON liquidations (insurance_fund_id);
