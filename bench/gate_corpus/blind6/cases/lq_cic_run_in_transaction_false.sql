--liquibase formatted sql

--changeset otc:102 runInTransaction:false
CREATE INDEX CONCURRENTLY idx_fee_sched_valid ON fee_schedules (valid_from);
