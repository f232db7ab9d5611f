--liquibase formatted sql

--changeset lending:48
CREATE TABLE sanctions_screenings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    list_name text NOT NULL,
    matched boolean NOT NULL,
    screened_at timestamptz NOT NULL DEFAULT now()
);
