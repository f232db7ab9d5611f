SET lock_timeout = '2s';
ALTER TABLE referral_payouts ADD CONSTRAINT referral_payouts_code_nn CHECK (code IS NOT NULL) NOT VALID;
