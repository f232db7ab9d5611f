SET lock_timeout = '2s';
ALTER TABLE ledger_entries ALTER COLUMN amount TYPE numeric(20,2);
