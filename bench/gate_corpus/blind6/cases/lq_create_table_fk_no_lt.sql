--liquibase formatted sql

--changeset otc:109
CREATE TABLE rfq_comments (id bigserial PRIMARY KEY, rfq_id bigint NOT NULL, body text NOT NULL, CONSTRAINT fk_rfq_comments_rfq FOREIGN KEY (rfq_id) REFERENCES rfqs (id));
