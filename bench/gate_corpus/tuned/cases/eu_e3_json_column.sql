SET lock_timeout = '2s';
ALTER TABLE ledger_entries ADD COLUMN meta json;
