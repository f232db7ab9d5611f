SET lock_timeout = '2s';
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_amount_check CHECK (amount <> 0);
