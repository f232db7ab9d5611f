SET lock_timeout = '2s';
BEGIN;
ALTER TABLE wallets ADD COLUMN last_used_at timestamptz;
UPDATE wallets SET last_used_at = created_at WHERE kind = 'cold';
COMMIT;
