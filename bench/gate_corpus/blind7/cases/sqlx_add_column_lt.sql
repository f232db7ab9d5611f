-- Add migration script here
SET lock_timeout = '2s';
ALTER TABLE api_keys ADD COLUMN ip_allowlist inet[];
