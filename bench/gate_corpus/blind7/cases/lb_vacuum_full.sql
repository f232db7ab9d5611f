--liquibase formatted sql

--changeset perps:109 runInTransaction:false
VACUUM FULL audit_events;
