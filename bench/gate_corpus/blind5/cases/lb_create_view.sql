--liquibase formatted sql

--changeset lending:52
CREATE OR REPLACE VIEW active_validators AS SELECT * FROM staking_validators WHERE status = 'active';
