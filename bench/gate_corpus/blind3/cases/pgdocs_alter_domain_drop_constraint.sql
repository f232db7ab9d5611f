SET lock_timeout = '2s';
ALTER DOMAIN perp_symbol DROP CONSTRAINT IF EXISTS perp_symbol_check;
