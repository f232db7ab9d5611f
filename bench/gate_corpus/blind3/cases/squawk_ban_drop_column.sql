SET lock_timeout = '2s';
ALTER TABLE api_keys DROP COLUMN IF EXISTS ip_allowlist;
