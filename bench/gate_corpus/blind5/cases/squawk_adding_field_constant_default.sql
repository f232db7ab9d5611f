SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN late_fee_bps integer DEFAULT 0;
