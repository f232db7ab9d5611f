SET lock_timeout = '2s';
ALTER TABLE ledger_entries ALTER COLUMN memo TYPE varchar(80);
