--liquibase formatted sql

--changeset exchange:43 runInTransaction:false
CREATE UNIQUE INDEX CONCURRENTLY audit_log_at_id ON audit_log (at, id);
--liquibase formatted sql

--changeset exchange:44
SET lock_timeout = '2s';
ALTER TABLE order_books ADD CONSTRAINT order_books_seq_uniq UNIQUE USING INDEX order_books_pkey;
