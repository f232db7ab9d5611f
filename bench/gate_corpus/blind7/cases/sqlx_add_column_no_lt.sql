-- Add migration script here
ALTER TABLE api_keys ADD COLUMN ip_allowlist inet[];
