--liquibase formatted sql

--changeset otc:106
INSERT INTO audit_log (actor, action, entity) SELECT 'migration', 'seed', 'fee' FROM generate_series(1, 100);
