--liquibase formatted sql

--changeset otc:1
SET lock_timeout = '2s';
ALTER TABLE api_keys ADD CONSTRAINT api_keys_label_nn CHECK (label IS NOT NULL) NOT VALID;

--changeset otc:2
ALTER TABLE api_keys VALIDATE CONSTRAINT api_keys_label_nn;

--changeset otc:3
SET lock_timeout = '2s';
ALTER TABLE api_keys ALTER COLUMN label SET NOT NULL;
ALTER TABLE api_keys DROP CONSTRAINT api_keys_label_nn;
