SET lock_timeout = '2s';
ALTER DOMAIN usd_amount VALIDATE CONSTRAINT usd_amount_bounded;
