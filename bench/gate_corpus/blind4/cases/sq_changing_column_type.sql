SET lock_timeout = '2s';
ALTER TABLE referral_codes ALTER COLUMN code TYPE varchar(8);
