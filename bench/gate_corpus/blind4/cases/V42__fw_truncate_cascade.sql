TRUNCATE referral_codes CASCADE;
