BEGIN;
ALTER SYSTEM SET max_locks_per_transaction = 256;
COMMIT;
