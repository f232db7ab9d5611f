SET lock_timeout = '2s';
ALTER TABLE withdrawals ADD CONSTRAINT withdrawals_asset_fk FOREIGN KEY (asset) REFERENCES assets (code);
