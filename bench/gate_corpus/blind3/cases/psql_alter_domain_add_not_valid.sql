SET lock_timeout = '2s';
ALTER DOMAIN leverage_x ADD CONSTRAINT leverage_x_max_100 CHECK (VALUE <= 100) NOT VALID;
