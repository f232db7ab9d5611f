SET lock_timeout = '2s';
ALTER TABLE ledger_entries ALTER COLUMN booked_at TYPE timestamp(6);
