--liquibase formatted sql

--changeset exchange:42
DELETE FROM audit_log WHERE at < now() - interval '3 days';
