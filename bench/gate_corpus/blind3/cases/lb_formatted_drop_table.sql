--liquibase formatted sql

--changeset mkovac:42-7
DROP TABLE api_key_usage;
