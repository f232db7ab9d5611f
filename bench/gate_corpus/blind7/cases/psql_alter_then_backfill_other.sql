BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE markets ADD COLUMN sector text;
UPDATE positions SET realized_pnl = realized_pnl WHERE status = 'closed';
COMMIT;
