--liquibase formatted sql

--changeset lending:46
SET lock_timeout = '2s';
ALTER TABLE treasury_transfers ADD CONSTRAINT treasury_transfers_asset_fk FOREIGN KEY (asset) REFERENCES assets (symbol);
