SET lock_timeout = '2s';
ALTER TABLE ledger_entries ALTER COLUMN kind SET NOT NULL;
