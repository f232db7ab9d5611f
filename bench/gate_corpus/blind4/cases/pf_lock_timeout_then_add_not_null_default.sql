SET lock_timeout = '2s';
ALTER TABLE withdrawals ADD COLUMN priority smallint NOT NULL DEFAULT 0;
