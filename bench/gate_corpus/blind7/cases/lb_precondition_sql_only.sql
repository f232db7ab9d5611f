--liquibase formatted sql

--changeset perps:107
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_indexes WHERE indexname = 'positions_closed_idx'
SET lock_timeout = '2s';
CREATE INDEX positions_closed_idx ON positions (closed_at) WHERE closed_at IS NOT NULL;
