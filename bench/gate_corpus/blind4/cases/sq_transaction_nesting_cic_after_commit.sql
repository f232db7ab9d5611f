BEGIN;
SET lock_timeout = '2s';
ALTER TABLE referral_codes ADD COLUMN tier smallint;
COMMIT;
CREATE INDEX CONCURRENTLY referral_codes_tier_idx ON referral_codes (tier);
