--liquibase formatted sql

--changeset exchange:42 runInTransaction:false
CREATE INDEX CONCURRENTLY withdrawals_account_idx ON withdrawals (account_id);
