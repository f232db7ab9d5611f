SET lock_timeout = '2s';
ALTER TABLE fiat_deposits ALTER COLUMN amount TYPE numeric(10, 2);
