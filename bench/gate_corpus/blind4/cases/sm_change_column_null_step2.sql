ALTER TABLE referral_payouts ADD CONSTRAINT referral_payouts_amount_nn CHECK (amount IS NOT NULL) NOT VALID;
ALTER TABLE referral_payouts VALIDATE CONSTRAINT referral_payouts_amount_nn;
