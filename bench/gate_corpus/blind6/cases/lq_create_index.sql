--liquibase formatted sql

--changeset otc:102
CREATE INDEX idx_fee_sched_valid ON fee_schedules (valid_from);
