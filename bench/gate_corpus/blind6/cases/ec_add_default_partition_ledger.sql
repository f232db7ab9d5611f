BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
CREATE TABLE ledger_entries_default PARTITION OF ledger_entries DEFAULT;
COMMIT;
