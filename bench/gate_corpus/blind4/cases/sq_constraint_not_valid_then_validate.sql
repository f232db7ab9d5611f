BEGIN;
SET lock_timeout = '2s';
ALTER TABLE withdrawals ADD CONSTRAINT withdrawals_asset_fk FOREIGN KEY (asset) REFERENCES assets (code) NOT VALID;
COMMIT;
ALTER TABLE withdrawals VALIDATE CONSTRAINT withdrawals_asset_fk;
