SET lock_timeout = '2s';
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_kind_nn CHECK (kind IS NOT NULL) NOT VALID;
SET lock_timeout = '2s';
ALTER TABLE ledger_entries VALIDATE CONSTRAINT ledger_kind_nn;
SET lock_timeout = '2s';
ALTER TABLE ledger_entries ALTER COLUMN kind SET NOT NULL;
