SET lock_timeout = '2s';
ALTER DOMAIN perp_symbol ADD CONSTRAINT perp_symbol_len CHECK (length(VALUE) <= 24);
