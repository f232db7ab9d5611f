SET lock_timeout = '2s';
ALTER DOMAIN country_code ADD CONSTRAINT country_code_not_xx CHECK (VALUE <> 'XX');
