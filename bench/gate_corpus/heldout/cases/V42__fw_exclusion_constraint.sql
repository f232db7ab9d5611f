SET lock_timeout = '2s';
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE ledger ADD CONSTRAINT ledger_no_overlap EXCLUDE USING gist (id WITH =);
