SET lock_timeout = '2s';
ALTER TABLE orders OWNER TO CURRENT_USER;
