SET LOCAL lock_timeout = '2s';
ALTER TABLE withdrawals ADD COLUMN risk_hold boolean;
