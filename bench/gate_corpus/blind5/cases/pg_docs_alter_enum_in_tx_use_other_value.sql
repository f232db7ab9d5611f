BEGIN;
ALTER TYPE deposit_state ADD VALUE 'frozen';
UPDATE fiat_deposits SET status = 'returned' WHERE status = 'screening' AND received_at < '2026-06-03';
COMMIT;
