BEGIN;
--
-- Raw SQL operation
--
UPDATE withdrawals SET metadata = '{}'::jsonb WHERE metadata IS NULL OR metadata IS NOT NULL;
COMMIT;
