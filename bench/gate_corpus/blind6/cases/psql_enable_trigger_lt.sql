SET lock_timeout = '2s';
ALTER TABLE payouts ENABLE TRIGGER payouts_audit;
