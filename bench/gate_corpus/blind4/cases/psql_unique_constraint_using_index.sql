CREATE UNIQUE INDEX CONCURRENTLY referral_codes_account_key ON referral_codes (account_id);
SET lock_timeout = '2s';
ALTER TABLE referral_codes ADD CONSTRAINT referral_codes_account_uniq UNIQUE USING INDEX referral_codes_account_key;
