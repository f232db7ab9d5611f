SET lock_timeout = '2s';
ALTER TABLE treasury_transfers RENAME TO wallet_transfers;
