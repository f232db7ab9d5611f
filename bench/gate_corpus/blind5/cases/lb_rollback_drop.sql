--liquibase formatted sql

--changeset lending:47
SET lock_timeout = '2s';
ALTER TABLE staking_validators ADD COLUMN client_software text;
--rollback ALTER TABLE staking_validators DROP COLUMN client_software;
