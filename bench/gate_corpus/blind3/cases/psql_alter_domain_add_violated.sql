ALTER DOMAIN leverage_x ADD CONSTRAINT leverage_x_max_100 CHECK (VALUE <= 100);
