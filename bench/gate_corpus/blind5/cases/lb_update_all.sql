--liquibase formatted sql

--changeset lending:49
UPDATE ledger_accounts SET is_closed = false;
