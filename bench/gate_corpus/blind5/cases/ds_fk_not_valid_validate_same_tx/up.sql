-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE treasury_transfers ADD CONSTRAINT treasury_transfers_asset_fk FOREIGN KEY (asset) REFERENCES assets (symbol) NOT VALID;
ALTER TABLE treasury_transfers VALIDATE CONSTRAINT treasury_transfers_asset_fk;
