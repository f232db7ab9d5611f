SET lock_timeout = '2s';
ALTER TABLE wallets ALTER COLUMN asset_code SET NOT NULL;
ALTER TABLE approvals ALTER COLUMN signature SET NOT NULL;
