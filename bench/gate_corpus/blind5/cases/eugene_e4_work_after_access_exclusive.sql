BEGIN;
SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN watchlist boolean;
UPDATE loans SET watchlist = true WHERE id IN (SELECT loan_id FROM margin_calls WHERE resolved_at IS NULL);
COMMIT;
