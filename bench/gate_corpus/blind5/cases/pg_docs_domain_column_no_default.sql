SET lock_timeout = '2s';
ALTER TABLE fiat_deposits ADD COLUMN sender_country country_code;
