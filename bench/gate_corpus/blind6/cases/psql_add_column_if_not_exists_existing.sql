SET lock_timeout = '2s';
ALTER TABLE payouts ADD COLUMN IF NOT EXISTS status payout_status;
