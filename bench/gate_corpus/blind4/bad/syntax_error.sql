ALTER TABLE accounts ADD COLUM referral_code varchar(16);
